<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ConsoleController</name>
    <message>
        <location filename="../app/main/ConsoleController.cpp" line="29"/>
        <source>You have signed out.</source>
        <translation>Sie haben sich abgemeldet.</translation>
    </message>
</context>
<context>
    <name>LocalCache</name>
    <message>
        <location filename="../app/storage/LocalCache.cpp" line="71"/>
        <source>The folder for the console&apos;s data could not be created: %1</source>
        <translation>Der Ordner für die Daten der Konsole konnte nicht angelegt werden: %1</translation>
    </message>
    <message>
        <location filename="../app/storage/LocalCache.cpp" line="79"/>
        <source>The console&apos;s local database %1 could not be opened: %2</source>
        <translation>Die lokale Datenbank %1 der Konsole konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location filename="../app/storage/LocalCache.cpp" line="238"/>
        <source>The console&apos;s local database %1 was written by a newer version of the console. Update the console or remove the file.</source>
        <translation>Die lokale Datenbank %1 wurde von einer neueren Version der Konsole geschrieben. Aktualisieren Sie die Konsole oder entfernen Sie die Datei.</translation>
    </message>
    <message>
        <location filename="../app/storage/LocalCache.cpp" line="264"/>
        <source>The console&apos;s local database could not be set up: %1</source>
        <translation>Die lokale Datenbank der Konsole konnte nicht eingerichtet werden: %1</translation>
    </message>
    <message>
        <location filename="../app/storage/LocalCache.cpp" line="276"/>
        <source>The console&apos;s local database failed: %1</source>
        <translation>Fehler in der lokalen Datenbank der Konsole: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../app/main/MainWindow.cpp" line="22"/>
        <source>iLeadX Console</source>
        <translation>iLeadX-Konsole</translation>
    </message>
    <message>
        <location filename="../app/main/MainWindow.cpp" line="71"/>
        <source>Signed in as %1 on %2</source>
        <translation>Angemeldet als %1 bei %2</translation>
    </message>
    <message>
        <location filename="../app/main/MainWindow.cpp" line="89"/>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <location filename="../app/main/MainWindow.cpp" line="91"/>
        <source>Read the list of users from the server again</source>
        <translation>Die Benutzerliste erneut vom Server lesen</translation>
    </message>
    <message>
        <location filename="../app/main/MainWindow.cpp" line="94"/>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <location filename="../app/main/MainWindow.cpp" line="96"/>
        <source>End this session on the server and return to the sign-in window</source>
        <translation>Diese Sitzung auf dem Server beenden und zum Anmeldefenster zurückkehren</translation>
    </message>
    <message>
        <location filename="../app/main/MainWindow.cpp" line="99"/>
        <source>Signing out…</source>
        <translation>Abmeldung läuft …</translation>
    </message>
    <message>
        <location filename="../app/main/MainWindow.cpp" line="103"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../app/main/MainWindow.cpp" line="107"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../app/main/MainWindow.cpp" line="113"/>
        <source>Main</source>
        <translation>Hauptleiste</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/main/MainWindow.cpp" line="133"/>
        <source>%n user(s) loaded, scroll down for more</source>
        <translation>
            <numerusform>%n Benutzer geladen, für weitere nach unten scrollen</numerusform>
            <numerusform>%n Benutzer geladen, für weitere nach unten scrollen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/main/MainWindow.cpp" line="135"/>
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n Benutzer</numerusform>
            <numerusform>%n Benutzer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemMessages</name>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="25"/>
        <source>The server sent a larger response than the console accepts. Try again later, and tell your administrator if it keeps happening.</source>
        <translation>Der Server hat eine größere Antwort gesendet, als die Konsole annimmt. Versuchen Sie es später erneut und informieren Sie Ihren Administrator, wenn das wieder vorkommt.</translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="28"/>
        <source>The server&apos;s certificate is not trusted yet. Compare its fingerprint with the one your administrator gave you before you trust it.</source>
        <translation>Dem Zertifikat des Servers wird noch nicht vertraut. Vergleichen Sie seinen Fingerabdruck mit dem, den Ihr Administrator Ihnen gegeben hat, bevor Sie ihm vertrauen.</translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="31"/>
        <source>Warning: the server&apos;s certificate has changed since this computer first trusted it. Someone may be intercepting the connection, so the console did not connect. Ask your administrator whether the certificate was replaced.</source>
        <translation>Warnung: Das Zertifikat des Servers hat sich geändert, seit dieser Computer ihm zum ersten Mal vertraut hat. Möglicherweise fängt jemand die Verbindung ab, deshalb hat die Konsole keine Verbindung aufgebaut. Fragen Sie Ihren Administrator, ob das Zertifikat ersetzt wurde.</translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="42"/>
        <source>The server sent a response that the console cannot read. The console and the server may be different versions.</source>
        <translation>Der Server hat eine Antwort gesendet, die die Konsole nicht lesen kann. Konsole und Server haben möglicherweise unterschiedliche Versionen.</translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="45"/>
        <source>You are not signed in. Sign in and try again.</source>
        <translation>Sie sind nicht angemeldet. Melden Sie sich an und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="47"/>
        <source>The server address is not valid. Enter an address that starts with https://, such as https://leads.example.com:8443.</source>
        <translation>Die Serveradresse ist ungültig. Geben Sie eine Adresse ein, die mit https:// beginnt, zum Beispiel https://leads.example.com:8443.</translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="50"/>
        <source>The request failed for an unknown reason.</source>
        <translation>Die Anfrage ist aus unbekanntem Grund fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="58"/>
        <source>The server could not read the request the console sent. The console and the server may be different versions.</source>
        <translation>Der Server konnte die Anfrage der Konsole nicht lesen. Konsole und Server haben möglicherweise unterschiedliche Versionen.</translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="62"/>
        <source>The server rejected the request because a value is missing or invalid.</source>
        <translation>Der Server hat die Anfrage abgelehnt, weil ein Wert fehlt oder ungültig ist.</translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="65"/>
        <source>The server does not accept the request format the console sent. The console and the server may be different versions.</source>
        <translation>Der Server akzeptiert das Anfrageformat der Konsole nicht. Konsole und Server haben möglicherweise unterschiedliche Versionen.</translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="69"/>
        <source>The request is larger than the server accepts. Shorten the values you entered.</source>
        <translation>Die Anfrage ist größer, als der Server annimmt. Kürzen Sie die eingegebenen Werte.</translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="72"/>
        <source>The password is too weak. Use at least 12 characters and avoid common passwords.</source>
        <translation>Das Passwort ist zu schwach. Verwenden Sie mindestens 12 Zeichen und vermeiden Sie verbreitete Passwörter.</translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="75"/>
        <source>The email address or password is incorrect.</source>
        <translation>Die E-Mail-Adresse oder das Passwort ist falsch.</translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="78"/>
        <source>Your session has ended. Sign in again.</source>
        <translation>Ihre Sitzung ist beendet. Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="81"/>
        <source>You are not signed in or your session has expired. Sign in again.</source>
        <translation>Sie sind nicht angemeldet oder Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="84"/>
        <source>Your account does not have permission to do this.</source>
        <translation>Ihr Konto hat keine Berechtigung für diese Aktion.</translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="87"/>
        <source>This change needs a recent sign-in. Sign out, sign in again and repeat the change.</source>
        <translation>Diese Änderung erfordert eine aktuelle Anmeldung. Melden Sie sich ab, melden Sie sich erneut an und wiederholen Sie die Änderung.</translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="87"/>
        <source>The server could not find what the console requested. It may have been deleted.</source>
        <translation>Der Server hat das Angeforderte nicht gefunden. Möglicherweise wurde es gelöscht.</translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="90"/>
        <source>The server does not support this request. The console and the server may be different versions.</source>
        <translation>Der Server unterstützt diese Anfrage nicht. Konsole und Server haben möglicherweise unterschiedliche Versionen.</translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="94"/>
        <source>The server is busy. Wait a moment and try again.</source>
        <translation>Der Server ist ausgelastet. Warten Sie einen Moment und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="97"/>
        <source>Too many requests in a short time. Wait a minute and try again.</source>
        <translation>Zu viele Anfragen in kurzer Zeit. Warten Sie eine Minute und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="98"/>
        <source>The server failed to process the request. Try again, and tell your administrator if it keeps happening.</source>
        <translation>Der Server konnte die Anfrage nicht verarbeiten. Versuchen Sie es erneut und informieren Sie Ihren Administrator, wenn das wieder vorkommt.</translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="101"/>
        <source>The server failed to process the request. Try again, and if it keeps happening, give your administrator the request ID %1.</source>
        <translation>Der Server konnte die Anfrage nicht verarbeiten. Versuchen Sie es erneut. Wenn das wieder vorkommt, nennen Sie Ihrem Administrator die Anfrage-ID %1.</translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="114"/>
        <source>The server refused the connection. Check the server address and port, and whether the server is running.</source>
        <translation>Der Server hat die Verbindung abgelehnt. Prüfen Sie Serveradresse und Port und ob der Server läuft.</translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="117"/>
        <source>The server name was not found. Check the server address.</source>
        <translation>Der Servername wurde nicht gefunden. Prüfen Sie die Serveradresse.</translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="119"/>
        <source>The server closed the connection unexpectedly. Try again.</source>
        <translation>Der Server hat die Verbindung unerwartet geschlossen. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="122"/>
        <source>The server did not respond in time. Check your network connection and try again.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet. Prüfen Sie Ihre Netzwerkverbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="124"/>
        <source>A secure connection to the server could not be established. The server may not support the required TLS version.</source>
        <translation>Es konnte keine sichere Verbindung zum Server aufgebaut werden. Möglicherweise unterstützt der Server die erforderliche TLS-Version nicht.</translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="129"/>
        <source>The network is not available. Check your network connection and try again.</source>
        <translation>Das Netzwerk ist nicht verfügbar. Prüfen Sie Ihre Netzwerkverbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="136"/>
        <source>The proxy server could not be reached or rejected the connection. Check the proxy settings of this computer.</source>
        <translation>Der Proxyserver war nicht erreichbar oder hat die Verbindung abgelehnt. Prüfen Sie die Proxy-Einstellungen dieses Computers.</translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="139"/>
        <source>The server address must start with https://.</source>
        <translation>Die Serveradresse muss mit https:// beginnen.</translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="142"/>
        <source>The server redirected the request, which the console does not follow. Check the server address.</source>
        <translation>Der Server hat die Anfrage umgeleitet, und die Konsole folgt keinen Umleitungen. Prüfen Sie die Serveradresse.</translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="147"/>
        <source>The connection to the server failed. Check your network connection and try again.</source>
        <translation>Die Verbindung zum Server ist fehlgeschlagen. Prüfen Sie Ihre Netzwerkverbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="163"/>
        <source>The server answered with an unexpected error (HTTP status %1). Try again, and tell your administrator if it keeps happening.</source>
        <translation>Der Server hat mit einem unerwarteten Fehler geantwortet (HTTP-Status %1). Versuchen Sie es erneut und informieren Sie Ihren Administrator, wenn das wieder vorkommt.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../app/signin/SignInDialog.cpp" line="39"/>
        <source>Sign in to iLeadX</source>
        <translation>Bei iLeadX anmelden</translation>
    </message>
    <message>
        <location filename="../app/signin/SignInDialog.cpp" line="84"/>
        <source>Enter the server address, starting with https://, such as https://leads.example.com:8443.</source>
        <translation>Geben Sie die Serveradresse ein, beginnend mit https://, zum Beispiel https://leads.example.com:8443.</translation>
    </message>
    <message>
        <location filename="../app/signin/SignInDialog.cpp" line="90"/>
        <source>Enter the email address of your iLeadX account.</source>
        <translation>Geben Sie die E-Mail-Adresse Ihres iLeadX-Kontos ein.</translation>
    </message>
    <message>
        <location filename="../app/signin/SignInDialog.cpp" line="95"/>
        <source>Enter your password.</source>
        <translation>Geben Sie Ihr Passwort ein.</translation>
    </message>
    <message>
        <location filename="../app/signin/SignInDialog.cpp" line="105"/>
        <source>Signing in to %1…</source>
        <translation>Anmeldung bei %1 läuft …</translation>
    </message>
    <message>
        <location filename="../app/signin/SignInDialog.cpp" line="124"/>
        <source>The console did not connect, because you did not trust the server&apos;s certificate.</source>
        <translation>Die Konsole hat keine Verbindung aufgebaut, weil Sie dem Zertifikat des Servers nicht vertraut haben.</translation>
    </message>
    <message>
        <location filename="../app/signin/SignInDialog.cpp" line="131"/>
        <source>The certificate could not be saved, so the console will ask again next time. %1</source>
        <translation>Das Zertifikat konnte nicht gespeichert werden, deshalb fragt die Konsole beim nächsten Mal erneut. %1</translation>
    </message>
    <message>
        <location filename="../app/signin/SignInDialog.cpp" line="157"/>
        <source>name@company.com</source>
        <translation>name@firma.de</translation>
    </message>
    <message>
        <location filename="../app/signin/SignInDialog.cpp" line="163"/>
        <source>&amp;Remember me: keep the session open for longer</source>
        <translation>&amp;Angemeldet bleiben: Sitzung länger offen halten</translation>
    </message>
    <message>
        <location filename="../app/signin/SignInDialog.cpp" line="174"/>
        <source>&amp;Sign in</source>
        <translation>An&amp;melden</translation>
    </message>
    <message>
        <location filename="../app/signin/SignInDialog.cpp" line="182"/>
        <source>Se&amp;rver:</source>
        <translation>Se&amp;rver:</translation>
    </message>
    <message>
        <location filename="../app/signin/SignInDialog.cpp" line="183"/>
        <source>&amp;Email:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <location filename="../app/signin/SignInDialog.cpp" line="184"/>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <location filename="../app/signin/SignInDialog.cpp" line="244"/>
        <source>%1

Trusted fingerprint:
%2

Fingerprint the server presented:
%3</source>
        <translation>%1

Vertrauter Fingerabdruck:
%2

Vom Server vorgelegter Fingerabdruck:
%3</translation>
    </message>
    <message>
        <location filename="../app/signin/SignInDialog.cpp" line="261"/>
        <source>Check the certificate fingerprint of %1 before you continue.</source>
        <translation>Prüfen Sie den Zertifikat-Fingerabdruck von %1, bevor Sie fortfahren.</translation>
    </message>
    <message>
        <location filename="../app/signin/SignInDialog.cpp" line="263"/>
        <source>Trust this server?</source>
        <translation>Diesem Server vertrauen?</translation>
    </message>
    <message>
        <location filename="../app/signin/SignInDialog.cpp" line="264"/>
        <source>This is the first connection to %1 from this computer, and its certificate is not signed by an authority this computer trusts.</source>
        <translation>Dieser Computer verbindet sich zum ersten Mal mit %1, und dessen Zertifikat ist nicht von einer Stelle signiert, der dieser Computer vertraut.</translation>
    </message>
    <message>
        <location filename="../app/signin/SignInDialog.cpp" line="270"/>
        <source>Certificate fingerprint (SHA-256):
%1

Compare it with the fingerprint that your administrator gave you or that the server printed when it started. Trust the certificate only if they match.</source>
        <translation>Zertifikat-Fingerabdruck (SHA-256):
%1

Vergleichen Sie ihn mit dem Fingerabdruck, den Ihr Administrator Ihnen gegeben hat oder den der Server beim Start ausgegeben hat. Vertrauen Sie dem Zertifikat nur, wenn beide übereinstimmen.</translation>
    </message>
    <message>
        <location filename="../app/signin/SignInDialog.cpp" line="273"/>
        <source>&amp;Trust and sign in</source>
        <translation>&amp;Vertrauen und anmelden</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <location filename="../app/users/UsersModel.cpp" line="65"/>
        <source>never</source>
        <comment>last sign-in of an account that never signed in</comment>
        <translation>nie</translation>
    </message>
    <message>
        <location filename="../app/users/UsersModel.cpp" line="92"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../app/users/UsersModel.cpp" line="94"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../app/users/UsersModel.cpp" line="96"/>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <location filename="../app/users/UsersModel.cpp" line="98"/>
        <source>Last sign-in</source>
        <translation>Letzte Anmeldung</translation>
    </message>
    <message>
        <location filename="../app/users/UsersModel.cpp" line="137"/>
        <source>Customer</source>
        <comment>account role</comment>
        <translation>Kunde</translation>
    </message>
    <message>
        <location filename="../app/users/UsersModel.cpp" line="139"/>
        <source>Admin</source>
        <comment>account role</comment>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../app/users/UsersModel.cpp" line="141"/>
        <source>Super admin</source>
        <comment>account role</comment>
        <translation>Super-Administrator</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="37"/>
        <location filename="../app/main.cpp" line="45"/>
        <source>iLeadX Console</source>
        <translation>iLeadX-Konsole</translation>
    </message>
</context>
</TS>
