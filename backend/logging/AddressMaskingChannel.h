#pragma once

#include <Poco/AutoPtr.h>
#include <Poco/Channel.h>

namespace ileadx {

/// Passes every log message on with the IP addresses in its text masked, so an address quoted
/// from a driver's or library's error message cannot reach a log unmasked.
class AddressMaskingChannel final : public Poco::Channel
{
public:
    explicit AddressMaskingChannel(Poco::AutoPtr<Poco::Channel> next);

    void log(const Poco::Message& message) override;
    void open() override;
    void close() override;

private:
    Poco::AutoPtr<Poco::Channel> m_next;
};

} // namespace ileadx
