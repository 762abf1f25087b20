#include "leads/extract/HtmlDocument.h"

#include <gumbo.h>

#include <Poco/String.h>

#include <algorithm>
#include <array>
#include <memory>

namespace ileadx::leads {

namespace {

constexpr std::array<GumboTag, 35> kBlockTags = {
    GUMBO_TAG_ADDRESS, GUMBO_TAG_ARTICLE, GUMBO_TAG_ASIDE, GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_BR,
    GUMBO_TAG_BUTTON, GUMBO_TAG_CAPTION, GUMBO_TAG_DD, GUMBO_TAG_DIV, GUMBO_TAG_DL, GUMBO_TAG_DT,
    GUMBO_TAG_FIELDSET, GUMBO_TAG_FIGCAPTION, GUMBO_TAG_FIGURE, GUMBO_TAG_FOOTER, GUMBO_TAG_FORM,
    GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5, GUMBO_TAG_H6,
    GUMBO_TAG_HEADER, GUMBO_TAG_HR, GUMBO_TAG_LI, GUMBO_TAG_MAIN, GUMBO_TAG_NAV, GUMBO_TAG_OL,
    GUMBO_TAG_P, GUMBO_TAG_SECTION, GUMBO_TAG_TABLE, GUMBO_TAG_TD, GUMBO_TAG_TH, GUMBO_TAG_TR,
    GUMBO_TAG_UL};

struct GumboOutputDeleter {
    void operator()(GumboOutput* output) const { gumbo_destroy_output(&kGumboDefaultOptions, output); }
};

std::string attributeValue(const GumboElement& element, const char* name)
{
    const GumboAttribute* attribute = gumbo_get_attribute(&element.attributes, name);
    return attribute == nullptr ? std::string() : std::string(attribute->value);
}

std::string tagName(const GumboElement& element)
{
    if (element.tag != GUMBO_TAG_UNKNOWN) {
        return gumbo_normalized_tagname(element.tag);
    }
    GumboStringPiece original = element.original_tag;
    gumbo_tag_from_original_text(&original);
    return Poco::toLower(std::string(original.data, original.length));
}

std::string childText(const GumboElement& element)
{
    std::string text;
    for (unsigned int i = 0; i < element.children.length; ++i) {
        const auto* child = static_cast<const GumboNode*>(element.children.data[i]);
        if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA || child->type == GUMBO_NODE_WHITESPACE) {
            text += child->v.text.text;
        }
    }
    return text;
}

// Walks the tree without recursion and fills an HtmlDocument.
class DocumentBuilder {
public:
    explicit DocumentBuilder(HtmlDocument& document)
        : m_document(document)
    {
    }

    void walk(const GumboNode* root)
    {
        std::vector<std::pair<const GumboNode*, bool>> stack{{root, false}};
        while (!stack.empty()) {
            const auto [node, leaving] = stack.back();
            stack.pop_back();
            if (leaving) {
                leaveElement(node->v.element);
                continue;
            }
            if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) {
                visitLeaf(*node);
                continue;
            }
            if (!enterElement(node->v.element)) {
                continue;
            }
            stack.emplace_back(node, true);
            const GumboVector& children = node->v.element.children;
            for (unsigned int i = children.length; i > 0; --i) {
                stack.emplace_back(static_cast<const GumboNode*>(children.data[i - 1]), false);
            }
        }
    }

private:
    void visitLeaf(const GumboNode& node)
    {
        if (node.type == GUMBO_NODE_COMMENT) {
            m_document.markup.append("<!--").append(node.v.text.text).append("-->");
        } else if (node.type == GUMBO_NODE_TEXT || node.type == GUMBO_NODE_CDATA || node.type == GUMBO_NODE_WHITESPACE) {
            (m_hiddenDepth > 0 ? m_document.markup : m_document.visibleText) += node.v.text.text;
        }
    }

    // Records the element and returns whether its children hold visible content to walk.
    bool enterElement(const GumboElement& element)
    {
        appendStartTag(element);
        switch (element.tag) {
        case GUMBO_TAG_SCRIPT:
            recordScript(element);
            return false;
        case GUMBO_TAG_STYLE:
            m_document.markup += childText(element);
            return false;
        case GUMBO_TAG_NOSCRIPT:
        case GUMBO_TAG_TEMPLATE:
            ++m_hiddenDepth; // browsers with scripting on do not show these bodies
            return true;
        case GUMBO_TAG_META:
            if (Poco::icompare(attributeValue(element, "name"), "generator") == 0) {
                m_document.generators.push_back(attributeValue(element, "content"));
            }
            break;
        case GUMBO_TAG_LINK:
            recordAsset(attributeValue(element, "href"));
            break;
        case GUMBO_TAG_A:
        case GUMBO_TAG_AREA:
            recordLinkStart(element);
            break;
        default:
            break;
        }
        if (const GumboAttribute* hex = gumbo_get_attribute(&element.attributes, "data-cfemail")) {
            m_document.cloudflareEmailHex.emplace_back(hex->value);
        }
        startLineIfBlock(element);
        return true;
    }

    void leaveElement(const GumboElement& element)
    {
        if (element.tag == GUMBO_TAG_NOSCRIPT || element.tag == GUMBO_TAG_TEMPLATE) {
            --m_hiddenDepth;
        }
        const bool link = element.tag == GUMBO_TAG_A || element.tag == GUMBO_TAG_AREA;
        if (link && gumbo_get_attribute(&element.attributes, "href") != nullptr) {
            if (!m_openLinks.empty()) {
                m_document.links[m_openLinks.back()].textEnd = m_document.visibleText.size();
                m_openLinks.pop_back();
            }
        }
        startLineIfBlock(element);
    }

    void appendStartTag(const GumboElement& element)
    {
        const bool link = element.tag == GUMBO_TAG_A || element.tag == GUMBO_TAG_AREA;
        std::string& markup = m_document.markup;
        markup.append("<").append(tagName(element));
        for (unsigned int i = 0; i < element.attributes.length; ++i) {
            const auto* attribute = static_cast<const GumboAttribute*>(element.attributes.data[i]);
            if (link && std::string_view(attribute->name) == "href") {
                continue; // a link target names another site, not a technology of this one
            }
            markup.append(" ").append(attribute->name).append("=\"").append(attribute->value).append("\"");
        }
        markup.append(">");
    }

    void recordScript(const GumboElement& element)
    {
        const std::string type = Poco::toLower(Poco::trim(attributeValue(element, "type")));
        if (type == "application/ld+json") {
            m_document.jsonLdBlocks.push_back(childText(element));
            return;
        }
        recordAsset(attributeValue(element, "src"));
        m_document.markup += childText(element);
    }

    void recordAsset(std::string url)
    {
        if (!url.empty()) {
            m_document.assetUrls.push_back(std::move(url));
        }
    }

    void recordLinkStart(const GumboElement& element)
    {
        const GumboAttribute* href = gumbo_get_attribute(&element.attributes, "href");
        if (href == nullptr) {
            return;
        }
        const std::size_t offset = m_document.visibleText.size();
        m_document.links.push_back(HtmlLink{href->value, offset, offset});
        m_openLinks.push_back(m_document.links.size() - 1);
    }

    void startLineIfBlock(const GumboElement& element)
    {
        std::string& text = m_document.visibleText;
        const bool block = std::find(kBlockTags.begin(), kBlockTags.end(), element.tag) != kBlockTags.end();
        if (block && !text.empty() && text.back() != '\n') {
            text += '\n';
        }
    }

    HtmlDocument& m_document;
    std::vector<std::size_t> m_openLinks;
    int m_hiddenDepth = 0;
};

} // namespace

HtmlDocument parseHtml(std::string_view html)
{
    html = html.substr(0, std::min(html.size(), kMaxHtmlBytes));
    html = html.substr(0, lengthWithinNestingLimit(html, kMaxOpenElements));

    const std::unique_ptr<GumboOutput, GumboOutputDeleter> output(
        gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()));
    HtmlDocument document;
    DocumentBuilder(document).walk(output->root);
    return document;
}

} // namespace ileadx::leads
