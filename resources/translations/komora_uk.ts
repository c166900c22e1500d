<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk_UA">
<context>
    <name>AboutDialog</name>
    <message>
        <source>not installed</source>
        <translation>не встановлено</translation>
    </message>
    <message>
        <source>About Komora</source>
        <translation>Про Komora</translation>
    </message>
    <message>
        <source>Scan stock, keep the catalog right, print shelf labels.</source>
        <translation>Скануйте товар, тримайте каталог у порядку, друкуйте цінники.</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Сервер: %1</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Копіювати</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>Неочікувана помилка</translation>
    </message>
    <message>
        <source>Komora ran into an error it did not expect. The app keeps running, but the last action may not have finished. The details were written to the log; if this happens again, send them to support.</source>
        <translation>Komora натрапила на неочікувану помилку. Програма працює далі, але остання дія могла не завершитися. Подробиці записано в журнал; якщо це повториться, надішліть їх до служби підтримки.</translation>
    </message>
    <message>
        <source>Log file: %1</source>
        <translation>Файл журналу: %1</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>&amp;Копіювати подробиці</translation>
    </message>
    <message>
        <source>Open log &amp;folder</source>
        <translation>Відкрити &amp;теку журналу</translation>
    </message>
</context>
<context>
    <name>GuiSession</name>
    <message>
        <source>Access token</source>
        <translation>Токен доступу</translation>
    </message>
    <message>
        <source>This computer cannot store the token, so it is asked for at each start.
Access token for %1:</source>
        <translation>Цей комп&apos;ютер не може зберегти токен, тому він запитується під час кожного запуску.
Токен доступу для %1:</translation>
    </message>
    <message>
        <source>starting the sandbox…</source>
        <translation>запуск пісочниці…</translation>
    </message>
    <message>
        <source>the sandbox did not start</source>
        <translation>пісочниця не запустилася</translation>
    </message>
    <message>
        <source>The new server is used from the next start.</source>
        <translation>Новий сервер буде використано з наступного запуску.</translation>
    </message>
</context>
<context>
    <name>InterfacePage</name>
    <message>
        <source>As the system</source>
        <translation>Як у системі</translation>
    </message>
    <message>
        <source>&amp;Detailed log (for support; includes scanner traffic)</source>
        <translation>&amp;Докладний журнал (для підтримки; з обміном даними сканера)</translation>
    </message>
    <message>
        <source>A new language applies fully after a restart.</source>
        <translation>Нова мова повністю застосовується після перезапуску.</translation>
    </message>
    <message>
        <source>Interface &amp;language:</source>
        <translation>&amp;Мова інтерфейсу:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Komora</source>
        <translation>Komora</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Головна панель інструментів</translation>
    </message>
    <message>
        <source>You are working in the sandbox: a demo catalog on this computer. Nothing here reaches a shop. &lt;a href=&quot;%1&quot;&gt;Connect a back office in Settings&lt;/a&gt;.</source>
        <translation>Ви працюєте в пісочниці: це демонстраційний каталог на цьому комп&apos;ютері. Зміни тут не потрапляють до магазину. &lt;a href=&quot;%1&quot;&gt;Підключіть бек-офіс у налаштуваннях&lt;/a&gt;.</translation>
    </message>
    <message>
        <source>The catalog appears here.</source>
        <translation>Тут з&apos;явиться каталог.</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>не підключено</translation>
    </message>
    <message>
        <source>none</source>
        <translation>немає</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Редагування</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вигляд</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Інструменти</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Довідка</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Вийти</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Знайти</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>&amp;Повний екран</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Налаштування…</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>Відкрити теку &amp;журналу</translation>
    </message>
    <message>
        <source>&amp;About Komora</source>
        <translation>&amp;Про Komora</translation>
    </message>
    <message>
        <source>sandbox (demo catalog)</source>
        <translation>пісочниця (демонстраційний каталог)</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>ще немає</translation>
    </message>
    <message>
        <source>the sandbox (demo catalog) at %1</source>
        <translation>пісочниця (демонстраційний каталог) за адресою %1</translation>
    </message>
    <message>
        <source>back office at %1</source>
        <translation>бек-офіс за адресою %1</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Сервер: %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>ще не було</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Остання синхронізація: %1</translation>
    </message>
    <message>
        <source>Scanner: %1</source>
        <translation>Сканер: %1</translation>
    </message>
    <message>
        <source>Last scan: %1</source>
        <translation>Останнє сканування: %1</translation>
    </message>
</context>
<context>
    <name>ServerPage</name>
    <message>
        <source>&amp;Sandbox: a demo catalog on this computer</source>
        <translation>&amp;Пісочниця: демонстраційний каталог на цьому комп&apos;ютері</translation>
    </message>
    <message>
        <source>&amp;Back office</source>
        <translation>&amp;Бек-офіс</translation>
    </message>
    <message>
        <source>paste the access token here</source>
        <translation>вставте сюди токен доступу</translation>
    </message>
    <message>
        <source>This computer has no password store (keyring), so the token is kept only while the app runs and is asked for at each start.</source>
        <translation>На цьому комп&apos;ютері немає сховища паролів (keyring), тому токен зберігається лише поки працює програма і запитується під час кожного запуску.</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Перевірити &amp;з&apos;єднання</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>&amp;Адреса сервера:</translation>
    </message>
    <message>
        <source>&amp;Language of names:</source>
        <translation>&amp;Мова назв:</translation>
    </message>
    <message>
        <source>Access to&amp;ken:</source>
        <translation>&amp;Токен доступу:</translation>
    </message>
    <message>
        <source>Connected. Price levels on the server: %1.</source>
        <translation>З&apos;єднано. Рівнів цін на сервері: %1.</translation>
    </message>
    <message>
        <source>Enter the back office&apos;s address, starting with https:// or http://.</source>
        <translation>Введіть адресу бек-офісу, що починається з https:// або http://.</translation>
    </message>
    <message>
        <source>The sandbox server is not running.</source>
        <translation>Сервер-пісочниця не запущений.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>З&apos;єднання…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Налаштування</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Сервер</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Інтерфейс</translation>
    </message>
    <message>
        <source>Scanner settings arrive with scanner support.</source>
        <translation>Налаштування сканера з&apos;являться разом із підтримкою сканерів.</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>Сканер</translation>
    </message>
    <message>
        <source>Printer settings arrive with label printing.</source>
        <translation>Налаштування принтера з&apos;являться разом із друком етикеток.</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Принтер</translation>
    </message>
    <message>
        <source>The settings could not be saved: %1</source>
        <translation>Не вдалося зберегти налаштування: %1</translation>
    </message>
</context>
<context>
    <name>TaskErrors</name>
    <message>
        <source>Cannot reach the server. Check the network and the server address in Settings.</source>
        <translation>Не вдається з&apos;єднатися з сервером. Перевірте мережу та адресу сервера в налаштуваннях.</translation>
    </message>
    <message>
        <source>The server did not answer in time. Try again in a moment.</source>
        <translation>Сервер не відповів вчасно. Спробуйте ще раз за хвилину.</translation>
    </message>
    <message>
        <source>The server refused the access token. Check the token in Settings.</source>
        <translation>Сервер відхилив токен доступу. Перевірте токен у налаштуваннях.</translation>
    </message>
    <message>
        <source>The server answered with an error.</source>
        <translation>Сервер відповів помилкою.</translation>
    </message>
    <message>
        <source>The server answered with error %1.</source>
        <translation>Сервер відповів помилкою %1.</translation>
    </message>
    <message>
        <source>Permission denied: %1</source>
        <translation>Доступ заборонено: %1</translation>
    </message>
    <message>
        <source>File not found: %1</source>
        <translation>Файл не знайдено: %1</translation>
    </message>
    <message>
        <source>A system error stopped the work: %1</source>
        <translation>Системна помилка зупинила роботу: %1</translation>
    </message>
    <message>
        <source>The request failed: %1</source>
        <translation>Запит не вдався: %1</translation>
    </message>
    <message>
        <source>The server answered with error %1: %2</source>
        <translation>Сервер відповів помилкою %1: %2</translation>
    </message>
    <message>
        <source>The server does not know this address (404). Check the server address in Settings.</source>
        <translation>Сервер не знає цієї адреси (404). Перевірте адресу сервера в налаштуваннях.</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read. Is the address that of a catalog API?</source>
        <translation>Не вдалося прочитати відповідь сервера. Чи це адреса API каталогу?</translation>
    </message>
    <message>
        <source>Something went wrong: %1. The details are in the log.</source>
        <translation>Щось пішло не так: %1. Подробиці — у журналі.</translation>
    </message>
</context>
<context>
    <name>WedgeFilter</name>
    <message>
        <source>Keyboard scanner support hit an error and switched itself off; keys now go straight to the app. Scans still arrive as typed text. The details are in the log.</source>
        <translation>Підтримка сканера-клавіатури натрапила на помилку і вимкнулася; натискання клавіш тепер надходять безпосередньо до програми. Скановані коди й далі надходять як введений текст. Подробиці — у журналі.</translation>
    </message>
</context>
</TS>
