#include "logging/AddressMaskingChannel.h"

#include "shared/IpMask.h"

#include <Poco/Message.h>

namespace ileadx {

AddressMaskingChannel::AddressMaskingChannel(Poco::AutoPtr<Poco::Channel> next)
    : m_next(std::move(next))
{
}

void AddressMaskingChannel::log(const Poco::Message& message)
{
    Poco::Message masked(message);
    masked.setText(maskIpAddressesIn(message.getText()));
    m_next->log(masked);
}

void AddressMaskingChannel::open()
{
    m_next->open();
}

void AddressMaskingChannel::close()
{
    m_next->close();
}

} // namespace ileadx
