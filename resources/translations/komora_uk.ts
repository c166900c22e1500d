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
    <name>AddProductWizard</name>
    <message>
        <source>Add a product</source>
        <translation>Додати товар</translation>
    </message>
    <message>
        <source>Could not load the groups, units and price levels: %1</source>
        <translation>Не вдалося завантажити групи, одиниці та рівні цін: %1</translation>
    </message>
    <message>
        <source>Group: %1</source>
        <translation>Група: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>немає</translation>
    </message>
    <message>
        <source>free price</source>
        <translation>вільна ціна</translation>
    </message>
    <message>
        <source>%1 = %2 × %3</source>
        <translation>%1 = %2 × %3</translation>
    </message>
    <message>
        <source>Units:</source>
        <translation>Одиниці:</translation>
    </message>
    <message>
        <source>%1: %2 (min %3, max %4)</source>
        <translation>%1: %2 (мін. %3, макс. %4)</translation>
    </message>
    <message>
        <source>Prices:</source>
        <translation>Ціни:</translation>
    </message>
    <message>
        <source>series %1</source>
        <translation>серія %1</translation>
    </message>
    <message>
        <source>Barcodes:</source>
        <translation>Штрихкоди:</translation>
    </message>
</context>
<context>
    <name>BarcodesPage</name>
    <message>
        <source>Barcodes</source>
        <translation>Штрихкоди</translation>
    </message>
    <message>
        <source>Each barcode names a unit (a box may have its own code) and a series (“-” is the base series). Type an add-on after the code.</source>
        <translation>Кожен штрихкод належить одиниці (ящик може мати власний код) і серії («-» — базова серія). Додатковий код введіть після основного.</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>Штрихкод</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Одиниця</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Серія</translation>
    </message>
    <message>
        <source>&amp;Add a barcode</source>
        <translation>Додати &amp;штрихкод</translation>
    </message>
    <message>
        <source>&amp;Generate an in-store code</source>
        <translation>Зг&amp;енерувати внутрішній код</translation>
    </message>
    <message>
        <source>%1 (%2 each)</source>
        <translation>%1 (по %2)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Вилучити</translation>
    </message>
    <message>
        <source>e.g. 4820000000000 12</source>
        <translation>напр. 4820000000000 12</translation>
    </message>
    <message>
        <source>Looking for a free in-store code…</source>
        <translation>Шукаю вільний внутрішній код…</translation>
    </message>
    <message>
        <source>Every in-store code of the range is in use.</source>
        <translation>Усі внутрішні коди діапазону вже зайняті.</translation>
    </message>
    <message>
        <source>%1 is free; it was added to the list.</source>
        <translation>Код %1 вільний; його додано до списку.</translation>
    </message>
    <message>
        <source>Checking whether the code is in use…</source>
        <translation>Перевіряю, чи код уже зайнятий…</translation>
    </message>
    <message>
        <source>This code already belongs to “%1” (product %2).</source>
        <translation>Цей код уже належить товару «%1» (код %2).</translation>
    </message>
    <message>
        <source>Could not check whether %1 is in use: %2</source>
        <translation>Не вдалося перевірити, чи код %1 зайнятий: %2</translation>
    </message>
    <message>
        <source>Could not read the codes in use: %1</source>
        <translation>Не вдалося прочитати зайняті коди: %1</translation>
    </message>
    <message>
        <source>This barcode is listed twice.</source>
        <translation>Цей штрихкод указано двічі.</translation>
    </message>
    <message>
        <source>Name a series, or “-” for the base series.</source>
        <translation>Укажіть серію або «-» для базової серії.</translation>
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
    <name>CreatePage</name>
    <message>
        <source>Create the product</source>
        <translation>Створення товару</translation>
    </message>
    <message>
        <source>Check the summary, then create. Nothing is sent before you do.</source>
        <translation>Перевірте підсумок і створіть товар. До цього нічого не надсилається.</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Створити</translation>
    </message>
    <message>
        <source>&amp;Labels:</source>
        <translation>&amp;Етикеток:</translation>
    </message>
    <message>
        <source>&amp;Print labels</source>
        <translation>Дру&amp;кувати етикетки</translation>
    </message>
    <message>
        <source>Reserve a product id</source>
        <translation>Резервування коду товару</translation>
    </message>
    <message>
        <source>Default unit</source>
        <translation>Основна одиниця</translation>
    </message>
    <message>
        <source>Base series</source>
        <translation>Базова серія</translation>
    </message>
    <message>
        <source>The product</source>
        <translation>Товар</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>Ціни</translation>
    </message>
    <message>
        <source>Barcodes</source>
        <translation>Штрихкоди</translation>
    </message>
    <message>
        <source>Extra units, series and their barcodes</source>
        <translation>Додаткові одиниці, серії та їхні штрихкоди</translation>
    </message>
    <message>
        <source>The last attempt stopped at: %1</source>
        <translation>Минула спроба зупинилася на кроці: %1</translation>
    </message>
    <message>
        <source>The product cannot be created as it stands: %1</source>
        <translation>Товар не можна створити в такому вигляді: %1</translation>
    </message>
    <message>
        <source>Saving the draft…</source>
        <translation>Зберігаю чернетку…</translation>
    </message>
    <message>
        <source>The draft could not be saved: %1</source>
        <translation>Не вдалося зберегти чернетку: %1</translation>
    </message>
    <message>
        <source>Ready. Press Create to send the product to the server.</source>
        <translation>Готово. Натисніть «Створити», щоб надіслати товар на сервер.</translation>
    </message>
    <message>
        <source>Press Retry to continue where the creation stopped.</source>
        <translation>Натисніть «Повторити», щоб продовжити з місця зупинки.</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Повторити</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Створюю…</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>Крок %1 з %2: %3</translation>
    </message>
    <message>
        <source>Created: product %1. Print its labels, or press Finish.</source>
        <translation>Створено товар %1. Надрукуйте етикетки або натисніть «Завершити».</translation>
    </message>
    <message>
        <source>Stopped at step %1 of %2 (%3): %4</source>
        <translation>Зупинено на кроці %1 з %2 (%3): %4</translation>
    </message>
    <message>
        <source>The server said: %1</source>
        <translation>Відповідь сервера: %1</translation>
    </message>
    <message>
        <source>Nothing done is lost: Retry continues from this step.</source>
        <translation>Зроблене не втрачено: «Повторити» продовжить із цього кроку.</translation>
    </message>
    <message>
        <source>%1 labels added to the label queue.</source>
        <translation>Етикеток додано до черги друку: %1.</translation>
    </message>
</context>
<context>
    <name>GroupPicker</name>
    <message>
        <source>Type to find a group…</source>
        <translation>Почніть вводити назву групи…</translation>
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
    <name>IdentifyPage</name>
    <message>
        <source>Identify the product</source>
        <translation>Що це за товар</translation>
    </message>
    <message>
        <source>Scan or type its barcode, then give it a name and a group.</source>
        <translation>Відскануйте або введіть штрихкод, потім укажіть назву й групу.</translation>
    </message>
    <message>
        <source>Scan or type; may stay empty</source>
        <translation>Скануйте або введіть; можна залишити порожнім</translation>
    </message>
    <message>
        <source>&amp;Open that product</source>
        <translation>&amp;Відкрити той товар</translation>
    </message>
    <message>
        <source>&amp;Free price: the cashier types the price at the till</source>
        <translation>Вільна &amp;ціна: касир вводить ціну на касі</translation>
    </message>
    <message>
        <source>&amp;Barcode:</source>
        <translation>&amp;Штрихкод:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>На&amp;зва:</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>&amp;Група:</translation>
    </message>
    <message>
        <source>Could not check whether the code is in use: %1</source>
        <translation>Не вдалося перевірити, чи код уже зайнятий: %1</translation>
    </message>
    <message>
        <source>Checking whether the code is in use…</source>
        <translation>Перевіряю, чи код уже зайнятий…</translation>
    </message>
    <message>
        <source>This code already belongs to “%1” (product %2).</source>
        <translation>Цей код уже належить товару «%1» (код %2).</translation>
    </message>
    <message>
        <source>No group chosen: the product goes to the top.</source>
        <translation>Групу не вибрано: товар буде на верхньому рівні.</translation>
    </message>
    <message>
        <source>Group: %1</source>
        <translation>Група: %1</translation>
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
    <name>PricesPage</name>
    <message>
        <source>Prices</source>
        <translation>Ціни</translation>
    </message>
    <message>
        <source>One price per level, for the default unit. Leave a level empty to price it later. An empty maximum is the price; an empty minimum is the maximum.</source>
        <translation>Одна ціна на рівень, за основну одиницю. Порожній рівень можна заповнити пізніше. Порожній максимум дорівнює ціні, порожній мінімум — максимуму.</translation>
    </message>
    <message>
        <source>Price level</source>
        <translation>Рівень цін</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Ціна</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>Мінімум</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>Максимум</translation>
    </message>
    <message>
        <source>Loading the price levels…</source>
        <translation>Завантажую рівні цін…</translation>
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
    <name>UnfinishedDraftsDialog</name>
    <message>
        <source>Unfinished products</source>
        <translation>Незавершені товари</translation>
    </message>
    <message>
        <source>These products were not finished when the app last closed. Resume one to continue where it stopped; nothing done is lost.</source>
        <translation>Ці товари не було завершено, коли програму востаннє закрили. Продовжіть із місця зупинки — зроблене не втрачено.</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Продовжити</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Відкинути</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>Пі&amp;зніше</translation>
    </message>
    <message>
        <source>not sent yet</source>
        <translation>ще не надіслано</translation>
    </message>
    <message>
        <source>stopped with an error</source>
        <translation>зупинено з помилкою</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>перервано</translation>
    </message>
    <message>
        <source>%1 — started %2, %3</source>
        <translation>%1 — розпочато %2, %3</translation>
    </message>
</context>
<context>
    <name>UnitsPage</name>
    <message>
        <source>Units</source>
        <translation>Одиниці</translation>
    </message>
    <message>
        <source>The default unit is what stock is counted in. Extra units, such as a box, hold a number of default units: their rate.</source>
        <translation>В основній одиниці рахують залишки. Додаткова одиниця (наприклад, ящик) містить кілька основних — це її коефіцієнт.</translation>
    </message>
    <message>
        <source>&amp;Add an extra unit</source>
        <translation>Додати од&amp;иницю</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Одиниця</translation>
    </message>
    <message>
        <source>Counted in</source>
        <translation>Рахується</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Коефіцієнт</translation>
    </message>
    <message>
        <source>&amp;Default unit:</source>
        <translation>&amp;Основна одиниця:</translation>
    </message>
    <message>
        <source>&amp;Counted in:</source>
        <translation>&amp;Рахується:</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Вилучити</translation>
    </message>
    <message>
        <source>e.g. 12</source>
        <translation>напр. 12</translation>
    </message>
    <message>
        <source>This unit is already on the product.</source>
        <translation>Ця одиниця вже є в товару.</translation>
    </message>
    <message>
        <source>Rate 1; stock and prices are kept in this unit, counted in %1.</source>
        <translation>Коефіцієнт 1; залишки й ціни ведуться в цій одиниці, рахується %1.</translation>
    </message>
</context>
<context>
    <name>WedgeFilter</name>
    <message>
        <source>Keyboard scanner support hit an error and switched itself off; keys now go straight to the app. Scans still arrive as typed text. The details are in the log.</source>
        <translation>Підтримка сканера-клавіатури натрапила на помилку і вимкнулася; натискання клавіш тепер надходять безпосередньо до програми. Скановані коди й далі надходять як введений текст. Подробиці — у журналі.</translation>
    </message>
</context>
<context>
    <name>WizardChecks</name>
    <message>
        <source>Enter the product&apos;s name.</source>
        <translation>Введіть назву товару.</translation>
    </message>
    <message>
        <source>The name is %1 characters long; at most %2 are allowed.</source>
        <translation>Назва має %1 символів; дозволено щонайбільше %2.</translation>
    </message>
    <message>
        <source>internal code</source>
        <translation>внутрішній код</translation>
    </message>
    <message>
        <source>manufacturer&apos;s code (GTIN)</source>
        <translation>код виробника (GTIN)</translation>
    </message>
    <message>
        <source>in-store code</source>
        <translation>внутрішній код магазину</translation>
    </message>
    <message>
        <source>book (ISBN)</source>
        <translation>книга (ISBN)</translation>
    </message>
    <message>
        <source>periodical (ISSN)</source>
        <translation>періодичне видання (ISSN)</translation>
    </message>
    <message>
        <source>coupon</source>
        <translation>купон</translation>
    </message>
    <message>
        <source>shop&apos;s own code</source>
        <translation>власний код магазину</translation>
    </message>
    <message>
        <source>+ add-on %1</source>
        <translation>+ додатковий код %1</translation>
    </message>
    <message>
        <source>Wrong check digit: the code should end in %1.</source>
        <translation>Неправильна контрольна цифра: код має закінчуватися на %1.</translation>
    </message>
    <message>
        <source>A barcode has only digits (character %1 is not one).</source>
        <translation>Штрихкод складається лише з цифр (символ %1 — не цифра).</translation>
    </message>
    <message>
        <source>A barcode of %1 digits is not known; EAN-13 has 13, EAN-8 has 8, UPC-A 12, and an add-on adds 2 or 5.</source>
        <translation>Штрихкоду з %1 цифр не буває: EAN-13 має 13, EAN-8 — 8, UPC-A — 12, додатковий код додає 2 або 5.</translation>
    </message>
    <message>
        <source>The add-on must have 2 or 5 digits.</source>
        <translation>Додатковий код має містити 2 або 5 цифр.</translation>
    </message>
    <message>
        <source>This is not a barcode the shop can use.</source>
        <translation>Цей штрихкод магазин використати не може.</translation>
    </message>
    <message>
        <source>Scan or type the barcode.</source>
        <translation>Відскануйте або введіть штрихкод.</translation>
    </message>
    <message>
        <source>The code is longer than %1 digits.</source>
        <translation>Код довший за %1 цифру.</translation>
    </message>
    <message>
        <source>whole numbers</source>
        <translation>цілими</translation>
    </message>
    <message>
        <source>multiples of 0.25</source>
        <translation>кратними 0,25</translation>
    </message>
    <message>
        <source>fractions</source>
        <translation>дробовими</translation>
    </message>
    <message>
        <source>A unit counted in %1 cannot go with a default unit in %2.</source>
        <translation>Одиницю, що рахується %1, не можна додати до основної, що рахується %2.</translation>
    </message>
    <message>
        <source>Enter how many default units this unit holds.</source>
        <translation>Введіть, скільки основних одиниць містить ця одиниця.</translation>
    </message>
    <message>
        <source>The rate must be a number, such as 12 or 0,5.</source>
        <translation>Коефіцієнт має бути числом, наприклад 12 або 0,5.</translation>
    </message>
    <message>
        <source>The rate must be greater than 0.</source>
        <translation>Коефіцієнт має бути більшим за 0.</translation>
    </message>
    <message>
        <source>The rate may have at most %1 decimals.</source>
        <translation>Коефіцієнт може мати щонайбільше %1 знаки після коми.</translation>
    </message>
    <message>
        <source>A unit counted in whole numbers needs a whole rate.</source>
        <translation>Одиниця, що рахується цілими, потребує цілого коефіцієнта.</translation>
    </message>
    <message>
        <source>This unit needs a rate that is a multiple of 0.25.</source>
        <translation>Коефіцієнт цієї одиниці має бути кратним 0,25.</translation>
    </message>
    <message>
        <source>The rate is too large.</source>
        <translation>Коефіцієнт завеликий.</translation>
    </message>
    <message>
        <source>Enter the price, or clear the row.</source>
        <translation>Введіть ціну або очистьте рядок.</translation>
    </message>
    <message>
        <source>The price</source>
        <translation>Ціна</translation>
    </message>
    <message>
        <source>The minimum</source>
        <translation>Мінімум</translation>
    </message>
    <message>
        <source>The maximum</source>
        <translation>Максимум</translation>
    </message>
    <message>
        <source>%1 must be an amount, such as 12,50.</source>
        <translation>%1: потрібна сума, наприклад 12,50.</translation>
    </message>
    <message>
        <source>%1 cannot be negative.</source>
        <translation>%1: від&apos;ємне значення неприпустиме.</translation>
    </message>
    <message>
        <source>%1 may have at most 4 decimals.</source>
        <translation>%1: щонайбільше 4 знаки після коми.</translation>
    </message>
    <message>
        <source>%1 is too large.</source>
        <translation>%1: значення завелике.</translation>
    </message>
    <message>
        <source>The minimum must be at least %1.</source>
        <translation>Мінімум має бути не меншим за %1.</translation>
    </message>
    <message>
        <source>The maximum cannot be above the price.</source>
        <translation>Максимум не може перевищувати ціну.</translation>
    </message>
    <message>
        <source>The minimum cannot be above the maximum.</source>
        <translation>Мінімум не може перевищувати максимум.</translation>
    </message>
</context>
</TS>
