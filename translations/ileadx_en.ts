<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ConsoleController</name>
    <message>
        <location filename="../app/main/ConsoleController.cpp" line="29"/>
        <source>You have signed out.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocalCache</name>
    <message>
        <location filename="../app/storage/LocalCache.cpp" line="71"/>
        <source>The folder for the console&apos;s data could not be created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/storage/LocalCache.cpp" line="79"/>
        <source>The console&apos;s local database %1 could not be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/storage/LocalCache.cpp" line="238"/>
        <source>The console&apos;s local database %1 was written by a newer version of the console. Update the console or remove the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/storage/LocalCache.cpp" line="264"/>
        <source>The console&apos;s local database could not be set up: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/storage/LocalCache.cpp" line="276"/>
        <source>The console&apos;s local database failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../app/main/MainWindow.cpp" line="22"/>
        <source>iLeadX Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/main/MainWindow.cpp" line="71"/>
        <source>Signed in as %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/main/MainWindow.cpp" line="89"/>
        <source>&amp;Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/main/MainWindow.cpp" line="91"/>
        <source>Read the list of users from the server again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/main/MainWindow.cpp" line="94"/>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/main/MainWindow.cpp" line="96"/>
        <source>End this session on the server and return to the sign-in window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/main/MainWindow.cpp" line="99"/>
        <source>Signing out…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/main/MainWindow.cpp" line="103"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/main/MainWindow.cpp" line="107"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/main/MainWindow.cpp" line="113"/>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/main/MainWindow.cpp" line="133"/>
        <source>%n user(s) loaded, scroll down for more</source>
        <translation>
            <numerusform>%n user loaded, scroll down for more</numerusform>
            <numerusform>%n users loaded, scroll down for more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/main/MainWindow.cpp" line="135"/>
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n user</numerusform>
            <numerusform>%n users</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemMessages</name>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="25"/>
        <source>The server sent a larger response than the console accepts. Try again later, and tell your administrator if it keeps happening.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="28"/>
        <source>The server&apos;s certificate is not trusted yet. Compare its fingerprint with the one your administrator gave you before you trust it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="31"/>
        <source>Warning: the server&apos;s certificate has changed since this computer first trusted it. Someone may be intercepting the connection, so the console did not connect. Ask your administrator whether the certificate was replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="42"/>
        <source>The server sent a response that the console cannot read. The console and the server may be different versions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="45"/>
        <source>You are not signed in. Sign in and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="47"/>
        <source>The server address is not valid. Enter an address that starts with https://, such as https://leads.example.com:8443.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="50"/>
        <source>The request failed for an unknown reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="58"/>
        <source>The server could not read the request the console sent. The console and the server may be different versions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="62"/>
        <source>The server rejected the request because a value is missing or invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="65"/>
        <source>The server does not accept the request format the console sent. The console and the server may be different versions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="69"/>
        <source>The request is larger than the server accepts. Shorten the values you entered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="72"/>
        <source>The password is too weak. Use at least 12 characters and avoid common passwords.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="75"/>
        <source>The email address or password is incorrect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="78"/>
        <source>Your session has ended. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="81"/>
        <source>You are not signed in or your session has expired. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="84"/>
        <source>Your account does not have permission to do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="87"/>
        <source>The server could not find what the console requested. It may have been deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="90"/>
        <source>The server does not support this request. The console and the server may be different versions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="94"/>
        <source>The server is busy. Wait a moment and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="98"/>
        <source>The server failed to process the request. Try again, and tell your administrator if it keeps happening.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="101"/>
        <source>The server failed to process the request. Try again, and if it keeps happening, give your administrator the request ID %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="114"/>
        <source>The server refused the connection. Check the server address and port, and whether the server is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="117"/>
        <source>The server name was not found. Check the server address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="119"/>
        <source>The server closed the connection unexpectedly. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="122"/>
        <source>The server did not respond in time. Check your network connection and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="124"/>
        <source>A secure connection to the server could not be established. The server may not support the required TLS version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="129"/>
        <source>The network is not available. Check your network connection and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="136"/>
        <source>The proxy server could not be reached or rejected the connection. Check the proxy settings of this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="139"/>
        <source>The server address must start with https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="142"/>
        <source>The server redirected the request, which the console does not follow. Check the server address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="147"/>
        <source>The connection to the server failed. Check your network connection and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="163"/>
        <source>The server answered with an unexpected error (HTTP status %1). Try again, and tell your administrator if it keeps happening.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionsDialog</name>
    <message numerus="yes">
        <location filename="../app/sessions/SessionsDialog.cpp" line="141"/>
        <source>%n session(s) open.</source>
        <translation>
            <numerusform>%n session open.</numerusform>
            <numerusform>%n sessions open.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../app/signin/SignInDialog.cpp" line="39"/>
        <source>Sign in to iLeadX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/signin/SignInDialog.cpp" line="84"/>
        <source>Enter the server address, starting with https://, such as https://leads.example.com:8443.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/signin/SignInDialog.cpp" line="90"/>
        <source>Enter the email address of your iLeadX account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/signin/SignInDialog.cpp" line="95"/>
        <source>Enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/signin/SignInDialog.cpp" line="105"/>
        <source>Signing in to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/signin/SignInDialog.cpp" line="124"/>
        <source>The console did not connect, because you did not trust the server&apos;s certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/signin/SignInDialog.cpp" line="131"/>
        <source>The certificate could not be saved, so the console will ask again next time. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/signin/SignInDialog.cpp" line="157"/>
        <source>name@company.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/signin/SignInDialog.cpp" line="163"/>
        <source>&amp;Remember me: keep the session open for longer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/signin/SignInDialog.cpp" line="174"/>
        <source>&amp;Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/signin/SignInDialog.cpp" line="182"/>
        <source>Se&amp;rver:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/signin/SignInDialog.cpp" line="183"/>
        <source>&amp;Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/signin/SignInDialog.cpp" line="184"/>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/signin/SignInDialog.cpp" line="244"/>
        <source>%1

Trusted fingerprint:
%2

Fingerprint the server presented:
%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/signin/SignInDialog.cpp" line="261"/>
        <source>Check the certificate fingerprint of %1 before you continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/signin/SignInDialog.cpp" line="263"/>
        <source>Trust this server?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/signin/SignInDialog.cpp" line="264"/>
        <source>This is the first connection to %1 from this computer, and its certificate is not signed by an authority this computer trusts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/signin/SignInDialog.cpp" line="270"/>
        <source>Certificate fingerprint (SHA-256):
%1

Compare it with the fingerprint that your administrator gave you or that the server printed when it started. Trust the certificate only if they match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/signin/SignInDialog.cpp" line="273"/>
        <source>&amp;Trust and sign in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <location filename="../app/users/UsersModel.cpp" line="65"/>
        <source>never</source>
        <comment>last sign-in of an account that never signed in</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/users/UsersModel.cpp" line="92"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/users/UsersModel.cpp" line="94"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/users/UsersModel.cpp" line="96"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/users/UsersModel.cpp" line="98"/>
        <source>Last sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/users/UsersModel.cpp" line="137"/>
        <source>Customer</source>
        <comment>account role</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/users/UsersModel.cpp" line="139"/>
        <source>Admin</source>
        <comment>account role</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/users/UsersModel.cpp" line="141"/>
        <source>Super admin</source>
        <comment>account role</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="37"/>
        <location filename="../app/main.cpp" line="45"/>
        <source>iLeadX Console</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
