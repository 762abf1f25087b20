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
    <message>
        <location filename="../app/main/ConsoleController.cpp" line="73"/>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
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
    <message>
        <location filename="../app/main/MainWindow.cpp" line="121"/>
        <source>My &amp;sessions…</source>
        <translation>Meine &amp;Sitzungen…</translation>
    </message>
    <message>
        <location filename="../app/main/MainWindow.cpp" line="123"/>
        <source>See the devices signed in to your account and sign them out</source>
        <translation>Die bei Ihrem Konto angemeldeten Geräte anzeigen und abmelden</translation>
    </message>
    <message>
        <location filename="../app/main/MainWindow.cpp" line="132"/>
        <source>&amp;Account</source>
        <translation>&amp;Konto</translation>
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
        <location filename="../app/net/ProblemMessages.cpp" line="90"/>
        <source>Set up two-factor sign-in for this account before using the console.</source>
        <translation>Richten Sie für dieses Konto die Zwei-Faktor-Anmeldung ein, bevor Sie die Konsole verwenden.</translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="93"/>
        <source>The code is wrong or was already used. Enter the current code from your authenticator app.</source>
        <translation>Der Code ist falsch oder wurde bereits verwendet. Geben Sie den aktuellen Code aus Ihrer Authenticator-App ein.</translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="96"/>
        <source>The sign-in took too long or had too many wrong codes. Sign in with your password again.</source>
        <translation>Die Anmeldung hat zu lange gedauert oder es wurden zu viele falsche Codes eingegeben. Melden Sie sich erneut mit Ihrem Passwort an.</translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="99"/>
        <source>Two-factor sign-in is not in the state this action needs. Reload and try again.</source>
        <translation>Die Zwei-Faktor-Anmeldung ist nicht in dem Zustand, den diese Aktion erfordert. Laden Sie neu und versuchen Sie es erneut.</translation>
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
        <location filename="../app/net/ProblemMessages.cpp" line="101"/>
        <source>Your plan&apos;s monthly limit is used up. Wait for the next billing period or ask your administrator for a larger plan.</source>
        <translation>Das Monatskontingent Ihres Tarifs ist aufgebraucht. Warten Sie auf den nächsten Abrechnungszeitraum oder bitten Sie Ihren Administrator um einen größeren Tarif.</translation>
    </message>
    <message>
        <location filename="../app/net/ProblemMessages.cpp" line="105"/>
        <source>The search has already finished, so it cannot be cancelled.</source>
        <translation>Die Suche ist bereits beendet und kann daher nicht abgebrochen werden.</translation>
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
    <name>RecoveryCodesDialog</name>
    <message>
        <location filename="../app/twofactor/RecoveryCodesDialog.cpp" line="28"/>
        <source>Recovery codes</source>
        <translation>Wiederherstellungscodes</translation>
    </message>
    <message>
        <location filename="../app/twofactor/RecoveryCodesDialog.cpp" line="41"/>
        <source>iLeadX recovery codes for %1. Each code signs you in once.</source>
        <translation>iLeadX-Wiederherstellungscodes für %1. Jeder Code meldet Sie einmal an.</translation>
    </message>
    <message>
        <location filename="../app/twofactor/RecoveryCodesDialog.cpp" line="56"/>
        <source>The codes could not be saved to %1: %2</source>
        <translation>Die Codes konnten nicht in %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <location filename="../app/twofactor/RecoveryCodesDialog.cpp" line="60"/>
        <source>Saved to %1.</source>
        <translation>In %1 gespeichert.</translation>
    </message>
    <message>
        <location filename="../app/twofactor/RecoveryCodesDialog.cpp" line="67"/>
        <source>The codes are on the clipboard. Paste them into your password manager.</source>
        <translation>Die Codes sind in der Zwischenablage. Fügen Sie sie in Ihren Passwort-Manager ein.</translation>
    </message>
    <message>
        <location filename="../app/twofactor/RecoveryCodesDialog.cpp" line="73"/>
        <source>Save recovery codes</source>
        <translation>Wiederherstellungscodes speichern</translation>
    </message>
    <message>
        <location filename="../app/twofactor/RecoveryCodesDialog.cpp" line="75"/>
        <source>Text files (*.txt)</source>
        <translation>Textdateien (*.txt)</translation>
    </message>
    <message>
        <location filename="../app/twofactor/RecoveryCodesDialog.cpp" line="93"/>
        <source>Store these recovery codes in a safe place, such as a password manager. If you lose your phone, each code signs you in once instead of a code from the app. The console shows them only now.</source>
        <translation>Bewahren Sie diese Wiederherstellungscodes an einem sicheren Ort auf, etwa in einem Passwort-Manager. Wenn Sie Ihr Telefon verlieren, meldet Sie jeder Code einmal an, anstelle eines Codes aus der App. Die Konsole zeigt sie nur jetzt an.</translation>
    </message>
    <message>
        <location filename="../app/twofactor/RecoveryCodesDialog.cpp" line="109"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location filename="../app/twofactor/RecoveryCodesDialog.cpp" line="112"/>
        <source>&amp;Save…</source>
        <translation>&amp;Speichern…</translation>
    </message>
    <message>
        <location filename="../app/twofactor/RecoveryCodesDialog.cpp" line="127"/>
        <source>&amp;I have stored these codes</source>
        <translation>&amp;Ich habe diese Codes sicher aufbewahrt</translation>
    </message>
    <message>
        <location filename="../app/twofactor/RecoveryCodesDialog.cpp" line="131"/>
        <source>C&amp;ontinue</source>
        <translation>&amp;Weiter</translation>
    </message>
</context>
<context>
    <name>SessionsDialog</name>
    <message>
        <location filename="../app/sessions/SessionsDialog.cpp" line="28"/>
        <source>My sessions</source>
        <translation>Meine Sitzungen</translation>
    </message>
    <message>
        <location filename="../app/sessions/SessionsDialog.cpp" line="46"/>
        <source>Loading the sessions…</source>
        <translation>Sitzungen werden geladen…</translation>
    </message>
    <message>
        <location filename="../app/sessions/SessionsDialog.cpp" line="57"/>
        <source>an unknown device</source>
        <translation>ein unbekanntes Gerät</translation>
    </message>
    <message>
        <location filename="../app/sessions/SessionsDialog.cpp" line="58"/>
        <source>Sign out %1? The device has to sign in again with your password.</source>
        <translation>%1 abmelden? Das Gerät muss sich erneut mit Ihrem Passwort anmelden.</translation>
    </message>
    <message>
        <location filename="../app/sessions/SessionsDialog.cpp" line="59"/>
        <source>&amp;Sign out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <location filename="../app/sessions/SessionsDialog.cpp" line="60"/>
        <source>Signing out the device…</source>
        <translation>Gerät wird abgemeldet…</translation>
    </message>
    <message>
        <location filename="../app/sessions/SessionsDialog.cpp" line="70"/>
        <source>Sign out every other device? They have to sign in again with your password. This console stays signed in.</source>
        <translation>Alle anderen Geräte abmelden? Sie müssen sich erneut mit Ihrem Passwort anmelden. Diese Konsole bleibt angemeldet.</translation>
    </message>
    <message>
        <location filename="../app/sessions/SessionsDialog.cpp" line="72"/>
        <source>Sign out &amp;others</source>
        <translation>&amp;Andere abmelden</translation>
    </message>
    <message>
        <location filename="../app/sessions/SessionsDialog.cpp" line="73"/>
        <source>Signing out the other devices…</source>
        <translation>Andere Geräte werden abgemeldet…</translation>
    </message>
    <message>
        <location filename="../app/sessions/SessionsDialog.cpp" line="82"/>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location filename="../app/sessions/SessionsDialog.cpp" line="82"/>
        <source>IP address</source>
        <translation>IP-Adresse</translation>
    </message>
    <message>
        <location filename="../app/sessions/SessionsDialog.cpp" line="82"/>
        <source>Signed in</source>
        <translation>Angemeldet am</translation>
    </message>
    <message>
        <location filename="../app/sessions/SessionsDialog.cpp" line="82"/>
        <source>Last seen</source>
        <translation>Zuletzt aktiv</translation>
    </message>
    <message>
        <location filename="../app/sessions/SessionsDialog.cpp" line="98"/>
        <source>Sign out &amp;selected</source>
        <translation>&amp;Ausgewähltes abmelden</translation>
    </message>
    <message>
        <location filename="../app/sessions/SessionsDialog.cpp" line="101"/>
        <source>Sign out all &amp;other devices</source>
        <translation>Alle &amp;anderen Geräte abmelden</translation>
    </message>
    <message>
        <location filename="../app/sessions/SessionsDialog.cpp" line="104"/>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <location filename="../app/sessions/SessionsDialog.cpp" line="134"/>
        <source>Unknown device</source>
        <translation>Unbekanntes Gerät</translation>
    </message>
    <message>
        <location filename="../app/sessions/SessionsDialog.cpp" line="139"/>
        <source>This device</source>
        <translation>Dieses Gerät</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/sessions/SessionsDialog.cpp" line="141"/>
        <source>%n session(s) open.</source>
        <translation>
            <numerusform>%n Sitzung offen.</numerusform>
            <numerusform>%n Sitzungen offen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/sessions/SessionsDialog.cpp" line="157"/>
        <source>Sign out devices</source>
        <translation>Geräte abmelden</translation>
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
    <message>
        <location filename="../app/signin/SignInDialog.cpp" line="131"/>
        <source>Checking the code…</source>
        <translation>Code wird geprüft…</translation>
    </message>
    <message>
        <location filename="../app/signin/SignInDialog.cpp" line="241"/>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
</context>
<context>
    <name>TwoFactorCodePage</name>
    <message>
        <location filename="../app/signin/TwoFactorCodePage.cpp" line="26"/>
        <source>&amp;Use a recovery code instead</source>
        <translation>Stattdessen einen &amp;Wiederherstellungscode verwenden</translation>
    </message>
    <message>
        <location filename="../app/signin/TwoFactorCodePage.cpp" line="31"/>
        <source>C&amp;ode:</source>
        <translation>C&amp;ode eingeben:</translation>
    </message>
    <message>
        <location filename="../app/signin/TwoFactorCodePage.cpp" line="57"/>
        <source>Enter one of your recovery codes.</source>
        <translation>Geben Sie einen Ihrer Wiederherstellungscodes ein.</translation>
    </message>
    <message>
        <location filename="../app/signin/TwoFactorCodePage.cpp" line="64"/>
        <source>Enter the 6-digit code that your authenticator app shows.</source>
        <translation>Geben Sie den 6-stelligen Code ein, den Ihre Authenticator-App anzeigt.</translation>
    </message>
    <message>
        <location filename="../app/signin/TwoFactorCodePage.cpp" line="92"/>
        <source>Enter one of the recovery codes you stored when you turned on two-factor sign-in. Each code works once.</source>
        <translation>Geben Sie einen der Wiederherstellungscodes ein, die Sie beim Einschalten der Zwei-Faktor-Anmeldung aufbewahrt haben. Jeder Code gilt nur einmal.</translation>
    </message>
    <message>
        <location filename="../app/signin/TwoFactorCodePage.cpp" line="97"/>
        <source>Your account uses two-factor sign-in. Enter the 6-digit code that your authenticator app shows now.</source>
        <translation>Ihr Konto verwendet die Zwei-Faktor-Anmeldung. Geben Sie den 6-stelligen Code ein, den Ihre Authenticator-App gerade anzeigt.</translation>
    </message>
</context>
<context>
    <name>TwoFactorEnrollmentDialog</name>
    <message>
        <location filename="../app/twofactor/TwoFactorEnrollmentDialog.cpp" line="28"/>
        <source>Set up two-factor sign-in</source>
        <translation>Zwei-Faktor-Anmeldung einrichten</translation>
    </message>
    <message>
        <location filename="../app/twofactor/TwoFactorEnrollmentDialog.cpp" line="65"/>
        <source>Requesting a new key from the server…</source>
        <translation>Neuer Schlüssel wird beim Server angefordert…</translation>
    </message>
    <message>
        <location filename="../app/twofactor/TwoFactorEnrollmentDialog.cpp" line="77"/>
        <source>Enter the 6-digit code that your authenticator app shows.</source>
        <translation>Geben Sie den 6-stelligen Code ein, den Ihre Authenticator-App anzeigt.</translation>
    </message>
    <message>
        <location filename="../app/twofactor/TwoFactorEnrollmentDialog.cpp" line="83"/>
        <source>Checking the code…</source>
        <translation>Code wird geprüft…</translation>
    </message>
    <message>
        <location filename="../app/twofactor/TwoFactorEnrollmentDialog.cpp" line="89"/>
        <source>Administrator accounts need two-factor sign-in. Scan the QR code with an authenticator app on your phone, then enter the 6-digit code that the app shows.</source>
        <translation>Administratorkonten benötigen die Zwei-Faktor-Anmeldung. Scannen Sie den QR-Code mit einer Authenticator-App auf Ihrem Telefon und geben Sie dann den 6-stelligen Code ein, den die App anzeigt.</translation>
    </message>
    <message>
        <location filename="../app/twofactor/TwoFactorEnrollmentDialog.cpp" line="99"/>
        <source>If you cannot scan the code, enter this key in the app:</source>
        <translation>Wenn Sie den Code nicht scannen können, geben Sie diesen Schlüssel in der App ein:</translation>
    </message>
    <message>
        <location filename="../app/twofactor/TwoFactorEnrollmentDialog.cpp" line="123"/>
        <source>&amp;Confirm</source>
        <translation>&amp;Bestätigen</translation>
    </message>
    <message>
        <location filename="../app/twofactor/TwoFactorEnrollmentDialog.cpp" line="126"/>
        <source>&amp;Try again</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../app/twofactor/TwoFactorEnrollmentDialog.cpp" line="129"/>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <location filename="../app/twofactor/TwoFactorEnrollmentDialog.cpp" line="136"/>
        <source>&amp;Code from the app:</source>
        <translation>&amp;Code aus der App:</translation>
    </message>
    <message>
        <location filename="../app/twofactor/TwoFactorEnrollmentDialog.cpp" line="159"/>
        <source>The QR code could not be drawn. Enter the key below in the app instead.</source>
        <translation>Der QR-Code konnte nicht gezeichnet werden. Geben Sie stattdessen den Schlüssel unten in der App ein.</translation>
    </message>
    <message>
        <location filename="../app/twofactor/TwoFactorEnrollmentDialog.cpp" line="182"/>
        <source>Two-factor sign-in is on.</source>
        <translation>Die Zwei-Faktor-Anmeldung ist eingeschaltet.</translation>
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
