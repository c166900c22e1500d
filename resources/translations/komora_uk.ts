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
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <source>Discard this product? What you typed is not kept.</source>
        <translation>Відкинути цей товар? Введене не збережеться.</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Відкинути</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>&amp;Редагувати далі</translation>
    </message>
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
    <name>AmountMessages</name>
    <message>
        <source>The price</source>
        <translation>Ціна</translation>
    </message>
    <message>
        <source>The minimum price</source>
        <translation>Мінімальна ціна</translation>
    </message>
    <message>
        <source>The maximum price</source>
        <translation>Максимальна ціна</translation>
    </message>
    <message>
        <source>The rate</source>
        <translation>Коефіцієнт</translation>
    </message>
    <message>
        <source>%1: type a number, such as %2.</source>
        <translation>%1: введіть число, наприклад %2.</translation>
    </message>
    <message>
        <source>%1: type it without a sign (+ or −), such as %2; it cannot be negative.</source>
        <translation>%1: введіть без знака (+ чи −), наприклад %2; від’ємні значення не приймаються.</translation>
    </message>
    <message>
        <source>%1: an exponent (such as 1e3) is not accepted; type all the digits, such as 1000.</source>
        <translation>%1: запис із показником степеня (як-от 1e3) не приймається; введіть усі цифри, наприклад 1000.</translation>
    </message>
    <message>
        <source>%1: only the digits 0–9 are accepted, such as %2.</source>
        <translation>%1: приймаються лише цифри 0–9, наприклад %2.</translation>
    </message>
    <message>
        <source>%1: only one decimal separator (a comma or a point) is accepted; thousands may be separated by spaces, such as 1 234.</source>
        <translation>%1: допускається лише один десятковий роздільник (кома або крапка); тисячі можна відділяти пробілами, наприклад 1 234.</translation>
    </message>
    <message>
        <source>%1: spaces may only separate thousands, such as 1 234.</source>
        <translation>%1: пробілами можна відділяти лише тисячі, наприклад 1 234.</translation>
    </message>
    <message>
        <source>%1: at most %3 decimals, such as %2.</source>
        <translation>%1: не більше %3 знаків після коми, наприклад %2.</translation>
    </message>
    <message>
        <source>%1: type an amount as digits with an optional comma or point, such as %2.</source>
        <translation>%1: введіть суму цифрами, за потреби з комою або крапкою, наприклад %2.</translation>
    </message>
    <message>
        <source>%1 must be at least %2.</source>
        <translation>%1 має бути не меншою за %2.</translation>
    </message>
    <message>
        <source>%1 must be at least %2: with no minimum price given, it is also the minimum.</source>
        <translation>%1 має бути не меншою за %2: коли мінімальну ціну не вказано, вона є й мінімальною.</translation>
    </message>
    <message>
        <source>The maximum price cannot be above the price.</source>
        <translation>Максимальна ціна не може бути вищою за ціну.</translation>
    </message>
    <message>
        <source>The minimum price cannot be above the maximum price.</source>
        <translation>Мінімальна ціна не може бути вищою за максимальну.</translation>
    </message>
    <message>
        <source>%1 cannot be negative.</source>
        <translation>%1 не може бути від’ємною.</translation>
    </message>
    <message>
        <source>%1: at most %2 decimals.</source>
        <translation>%1: не більше %2 знаків після коми.</translation>
    </message>
    <message>
        <source>%1 is too large.</source>
        <translation>%1 завелика.</translation>
    </message>
    <message>
        <source>%1 is not a valid amount.</source>
        <translation>%1: неприпустима сума.</translation>
    </message>
</context>
<context>
    <name>BarcodeFix</name>
    <message>
        <source>&amp;Use this code</source>
        <translation>&amp;Використати цей код</translation>
    </message>
    <message>
        <source>&amp;Skip this barcode</source>
        <translation>Пропустити цей &amp;штрихкод</translation>
    </message>
    <message>
        <source>The product exists, but the server refused barcode %1, so Retry would fail again. Correct the code, or finish the product without it (it can be added later).</source>
        <translation>Товар уже створено, але сервер відхилив штрихкод %1, тож «Повторити» знову не допоможе. Виправте код або завершіть товар без нього (його можна додати пізніше).</translation>
    </message>
    <message>
        <source>This is the code the server refused.</source>
        <translation>Це той самий код, який відхилив сервер.</translation>
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
    <name>CatalogController</name>
    <message>
        <source>sandbox</source>
        <translation>пісочниця</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>з’єднання…</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>з’єднано</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>немає зв’язку</translation>
    </message>
    <message>
        <source>writes queued: %1</source>
        <translation>змін у черзі: %1</translation>
    </message>
    <message>
        <source>writes refused: %1</source>
        <translation>змін відхилено: %1</translation>
    </message>
</context>
<context>
    <name>CatalogPanel</name>
    <message>
        <source>Search by name, code or barcode (F3)</source>
        <translation>Пошук за назвою, кодом чи штрихкодом (F3)</translation>
    </message>
    <message>
        <source>Find product</source>
        <translation>Знайти товар</translation>
    </message>
    <message>
        <source>&amp;New product…</source>
        <translation>&amp;Новий товар…</translation>
    </message>
    <message>
        <source>&amp;Add unit or barcode…</source>
        <translation>&amp;Додати одиницю чи штрихкод…</translation>
    </message>
    <message>
        <source>&amp;Edit selected…</source>
        <translation>&amp;Змінити вибране…</translation>
    </message>
    <message>
        <source>Edit &amp;group…</source>
        <translation>Змінити &amp;групу…</translation>
    </message>
    <message>
        <source>New gro&amp;up…</source>
        <translation>Нова гр&amp;упа…</translation>
    </message>
    <message>
        <source>Price &amp;levels…</source>
        <translation>&amp;Рівні цін…</translation>
    </message>
    <message>
        <source>&amp;Sync with the server</source>
        <translation>&amp;Синхронізувати з сервером</translation>
    </message>
    <message>
        <source>Re-read the &amp;whole catalog</source>
        <translation>Перечитати &amp;весь каталог</translation>
    </message>
    <message>
        <source>&amp;Unsent changes…</source>
        <translation>&amp;Невідправлені зміни…</translation>
    </message>
    <message>
        <source>Add to label &amp;queue</source>
        <translation>Додати до &amp;черги етикеток</translation>
    </message>
    <message>
        <source>The group was not moved: %1</source>
        <translation>Групу не перенесено: %1</translation>
    </message>
    <message>
        <source>Products: %1</source>
        <translation>Товарів: %1</translation>
    </message>
    <message>
        <source>No answer from the server yet: the change is queued and sent when it answers.</source>
        <translation>Сервер ще не відповів: зміну поставлено в чергу, її буде надіслано, щойно він відповість.</translation>
    </message>
    <message>
        <source>The server is out of reach: the change is queued and sent later.</source>
        <translation>Сервер недоступний: зміну поставлено в чергу, її буде надіслано пізніше.</translation>
    </message>
    <message>
        <source>Sync %p%</source>
        <translation>Синхронізація %p%</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>Синхронізація не вдалася: %1</translation>
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
    <name>DomainErrors</name>
    <message>
        <source>Type the barcode&apos;s digits.</source>
        <translation>Введіть цифри штрихкоду.</translation>
    </message>
    <message>
        <source>Only digits are allowed; “%1” at position %2 is not.</source>
        <translation>Дозволено лише цифри; «%1» на позиції %2 — не цифра.</translation>
    </message>
    <message>
        <source>Wrong check digit %1; this code needs %2.</source>
        <translation>Хибна контрольна цифра %1; для цього коду потрібна %2.</translation>
    </message>
    <message>
        <source>%1 digits is not a barcode length; accepted: %2.</source>
        <translation>Штрихкод не буває завдовжки %1 цифр; допустимо: %2.</translation>
    </message>
    <message>
        <source>The add-on must be 2 or 5 digits.</source>
        <translation>Додатковий код має складатися з 2 або 5 цифр.</translation>
    </message>
    <message>
        <source>This unit type cannot be added: the default unit&apos;s type does not allow it.</source>
        <translation>Одиницю такого типу додати не можна: тип основної одиниці цього не дозволяє.</translation>
    </message>
    <message>
        <source>The rate must be a number, e.g. 12.</source>
        <translation>Коефіцієнт має бути числом, наприклад 12.</translation>
    </message>
    <message>
        <source>The rate must be greater than 0.</source>
        <translation>Коефіцієнт має бути більшим за 0.</translation>
    </message>
    <message>
        <source>The rate may have at most 3 decimals.</source>
        <translation>Коефіцієнт може мати щонайбільше 3 знаки після коми.</translation>
    </message>
    <message>
        <source>The rate is too large.</source>
        <translation>Коефіцієнт завеликий.</translation>
    </message>
    <message>
        <source>A whole-number unit needs a whole-number rate.</source>
        <translation>Для штучної одиниці коефіцієнт має бути цілим числом.</translation>
    </message>
    <message>
        <source>This unit&apos;s rate must be a multiple of 0.25.</source>
        <translation>Коефіцієнт цієї одиниці має бути кратним 0,25.</translation>
    </message>
    <message>
        <source>The default unit&apos;s rate must be 1.</source>
        <translation>Коефіцієнт основної одиниці має дорівнювати 1.</translation>
    </message>
    <message>
        <source>The product already has this unit.</source>
        <translation>Товар уже має цю одиницю.</translation>
    </message>
    <message>
        <source>A product needs exactly one default unit.</source>
        <translation>Товар повинен мати рівно одну основну одиницю.</translation>
    </message>
    <message>
        <source>Invalid value: %1</source>
        <translation>Неправильне значення: %1</translation>
    </message>
</context>
<context>
    <name>GroupEditor</name>
    <message>
        <source>Edit group</source>
        <translation>Змінити групу</translation>
    </message>
    <message>
        <source>New group</source>
        <translation>Нова група</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Назва:</translation>
    </message>
    <message>
        <source>(main group)</source>
        <translation>(головна група)</translation>
    </message>
    <message>
        <source>&amp;Parent:</source>
        <translation>&amp;Батьківська група:</translation>
    </message>
    <message>
        <source>&amp;Active</source>
        <translation>&amp;Активна</translation>
    </message>
    <message>
        <source>Type the group&apos;s name.</source>
        <translation>Введіть назву групи.</translation>
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
    <name>GroupTree</name>
    <message>
        <source>A group cannot be moved into itself or into one of its subgroups.</source>
        <translation>Групу не можна перенести в неї саму чи в одну з її підгруп.</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Групи</translation>
    </message>
    <message>
        <source>All products</source>
        <translation>Усі товари</translation>
    </message>
    <message>
        <source>Changed here; waiting to be sent to the server</source>
        <translation>Змінено тут; очікує надсилання на сервер</translation>
    </message>
    <message>
        <source>Inactive group</source>
        <translation>Неактивна група</translation>
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
    <name>LabelErrors</name>
    <message>
        <source>The label queue could not be saved: if the app closes now, the labels queued since are lost.</source>
        <translation>Чергу етикеток не вдалося зберегти: якщо програму зараз закрити, етикетки, додані відтоді, буде втрачено.</translation>
    </message>
    <message>
        <source>The printer would not take the label&apos;s exact page size, so nothing was printed. Set its paper to the label size in the printer&apos;s settings.</source>
        <translation>Принтер не прийняв точний розмір сторінки етикетки, тож нічого не надруковано. Задайте в налаштуваннях принтера папір розміром з етикетку.</translation>
    </message>
    <message>
        <source>Printing failed.</source>
        <translation>Друк не вдався.</translation>
    </message>
    <message>
        <source>The barcode does not fit this label.</source>
        <translation>Штрихкод не вміщається на цю етикетку.</translation>
    </message>
    <message>
        <source>This barcode cannot be printed.</source>
        <translation>Цей штрихкод не можна надрукувати.</translation>
    </message>
    <message>
        <source>The label template cannot be used.</source>
        <translation>Шаблоном етикетки не можна скористатися.</translation>
    </message>
    <message>
        <source>The labels could not be written or sent.</source>
        <translation>Етикетки не вдалося записати чи надіслати.</translation>
    </message>
    <message>
        <source>The label cannot be made.</source>
        <translation>Етикетку не можна створити.</translation>
    </message>
    <message>
        <source>%1 is a %2 code; labels print EAN-13, EAN-8, UPC-A, UPC-E and internal codes (Code 128).</source>
        <translation>%1 — це код %2; на етикетках друкуються EAN-13, EAN-8, UPC-A, UPC-E і внутрішні коди (Code 128).</translation>
    </message>
    <message>
        <source>%1 cannot be printed: %2</source>
        <translation>%1 не можна надрукувати: %2</translation>
    </message>
    <message>
        <source>The barcode needs %1 mm with its clear space, but the label has %2 mm.</source>
        <translation>Штрихкоду потрібно %1 мм разом із вільним полем, а на етикетці є %2 мм.</translation>
    </message>
    <message>
        <source>Use a label at least %1 mm wide.</source>
        <translation>Візьміть етикетку шириною щонайменше %1 мм.</translation>
    </message>
</context>
<context>
    <name>LabelPreviewDialog</name>
    <message>
        <source>Label preview</source>
        <translation>Попередній перегляд етикеток</translation>
    </message>
    <message>
        <source>◀ &amp;Previous page</source>
        <translation>◀ &amp;Попередня сторінка</translation>
    </message>
    <message>
        <source>&amp;Next page ▶</source>
        <translation>&amp;Наступна сторінка ▶</translation>
    </message>
    <message>
        <source>Nothing to preview.</source>
        <translation>Немає чого переглядати.</translation>
    </message>
    <message>
        <source>%1 — page %2 of %3, %4 × %5 mm at %6 dpi; %7 labels on %8 pages in all</source>
        <translation>%1 — сторінка %2 з %3, %4 × %5 мм при %6 dpi; усього етикеток: %7, сторінок: %8</translation>
    </message>
    <message>
        <source>No price at the template&apos;s price level: the price is left blank.</source>
        <translation>Немає ціни на рівні цін шаблону: ціну залишено порожньою.</translation>
    </message>
    <message>
        <source>Barcode truncated: bars %1 mm high, below the GS1 minimum.</source>
        <translation>Штрихкод укорочено: штрихи заввишки %1 мм, нижче мінімуму GS1.</translation>
    </message>
    <message>
        <source>75 % module (%1 mm) for a thermal printer, with widened quiet zones.</source>
        <translation>Модуль 75 % (%1 мм) для термопринтера, з розширеними вільними зонами.</translation>
    </message>
    <message>
        <source>About this barcode: %1</source>
        <translation>Про цей штрихкод: %1</translation>
    </message>
</context>
<context>
    <name>LabelQueueDock</name>
    <message>
        <source>Label queue</source>
        <translation>Черга етикеток</translation>
    </message>
    <message>
        <source>The saved label queue cannot be read; labels queued now are not kept after the app closes. %1</source>
        <translation>Збережену чергу етикеток не вдається прочитати; етикетки, додані зараз, не збережуться після закриття програми. %1</translation>
    </message>
    <message>
        <source>%1 saved label row(s) could not be read and were left out.</source>
        <translation>Не вдалося прочитати збережених рядків черги етикеток: %1; їх пропущено.</translation>
    </message>
    <message>
        <source>Template for labels added next</source>
        <translation>Шаблон для етикеток, що додаються далі</translation>
    </message>
    <message>
        <source>Use for &amp;selected</source>
        <translation>Для &amp;вибраних</translation>
    </message>
    <message>
        <source>First free label on a partly used sheet</source>
        <translation>Перша вільна етикетка на частково використаному аркуші</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>Ви&amp;лучити</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Очистити</translation>
    </message>
    <message>
        <source>Pre&amp;view…</source>
        <translation>Перег&amp;ляд…</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>&amp;Друк</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Експорт…</translation>
    </message>
    <message>
        <source>Send to &amp;ZPL printer</source>
        <translation>Надіслати на &amp;ZPL-принтер</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Шаблон:</translation>
    </message>
    <message>
        <source>DPI:</source>
        <translation>DPI:</translation>
    </message>
    <message>
        <source>Start at label:</source>
        <translation>Почати з етикетки:</translation>
    </message>
    <message>
        <source>No longer in the local catalog, kept in the label queue as queued: %1</source>
        <translation>Цих товарів уже немає в локальному каталозі, у черзі етикеток вони залишені як були: %1</translation>
    </message>
    <message>
        <source>Product %1 is not in the local catalog yet; sync, then add its labels again.</source>
        <translation>Товару %1 ще немає в локальному каталозі; синхронізуйте його й додайте етикетки знову.</translation>
    </message>
    <message>
        <source>%1 has no barcode to print.</source>
        <translation>%1 не має штрихкоду для друку.</translation>
    </message>
    <message>
        <source>%1 label(s) queued: %2</source>
        <translation>Етикеток у черзі: %1 — %2</translation>
    </message>
    <message>
        <source>The label queue is empty.</source>
        <translation>Черга етикеток порожня.</translation>
    </message>
    <message>
        <source>Export labels</source>
        <translation>Експорт етикеток</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;PNG images (*.png);;ZPL for Zebra printers (*.zpl)</source>
        <translation>PDF (*.pdf);;Зображення PNG (*.png);;ZPL для принтерів Zebra (*.zpl)</translation>
    </message>
    <message>
        <source>Set the ZPL printer&apos;s address in Settings → Printer.</source>
        <translation>Укажіть адресу ZPL-принтера у Налаштуваннях → Принтер.</translation>
    </message>
    <message>
        <source>Labels written: %1</source>
        <translation>Етикетки записано: %1</translation>
    </message>
    <message>
        <source>Labels sent to the printer.</source>
        <translation>Етикетки надіслано на принтер.</translation>
    </message>
    <message>
        <source>%1 labels in %2 rows</source>
        <translation>Етикеток: %1, рядків: %2</translation>
    </message>
</context>
<context>
    <name>LabelQueueModel</name>
    <message>
        <source>Product</source>
        <translation>Товар</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>Штрихкод</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Етикеток</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Шаблон</translation>
    </message>
    <message>
        <source>%1 (no longer in the catalog)</source>
        <translation>%1 (уже немає в каталозі)</translation>
    </message>
    <message>
        <source>This product or its barcode is no longer in the local catalog; its labels print as they were queued. Remove the row if they are not wanted.</source>
        <translation>Цього товару або його штрихкоду вже немає в локальному каталозі; його етикетки друкуються такими, якими їх додали до черги. Видаліть рядок, якщо вони не потрібні.</translation>
    </message>
</context>
<context>
    <name>LevelEditor</name>
    <message>
        <source>Id</source>
        <translation>Код</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Назва</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Активний</translation>
    </message>
    <message>
        <source>%1 (fixed)</source>
        <translation>%1 (незмінний)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>так</translation>
    </message>
    <message>
        <source>no</source>
        <translation>ні</translation>
    </message>
    <message>
        <source>The Purchase level is fixed by the back office.</source>
        <translation>Закупівельний рівень задає бек-офіс; його не можна змінити.</translation>
    </message>
    <message>
        <source>Edit price level</source>
        <translation>Змінити рівень цін</translation>
    </message>
    <message>
        <source>New price level</source>
        <translation>Новий рівень цін</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Назва:</translation>
    </message>
    <message>
        <source>&amp;Active</source>
        <translation>&amp;Активний</translation>
    </message>
    <message>
        <source>Type the level&apos;s name.</source>
        <translation>Введіть назву рівня.</translation>
    </message>
    <message>
        <source>Another price level has this name.</source>
        <translation>Інший рівень цін уже має таку назву.</translation>
    </message>
    <message>
        <source>Price levels</source>
        <translation>Рівні цін</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Додати…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Змінити…</translation>
    </message>
    <message>
        <source>Purchase is the back office&apos;s fixed level; it cannot be changed.</source>
        <translation>Закупівельний — незмінний рівень бек-офісу; його змінити не можна.</translation>
    </message>
</context>
<context>
    <name>LogFolderDialog</name>
    <message>
        <source>Log folder</source>
        <translation>Тека журналів</translation>
    </message>
    <message>
        <source>The log folder could not be opened: no file manager was found. It is here:</source>
        <translation>Не вдалося відкрити теку журналів: файловий менеджер не знайдено. Вона тут:</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Копіювати</translation>
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
    <name>Outbox</name>
    <message>
        <source>New group</source>
        <translation>Нова група</translation>
    </message>
    <message>
        <source>Group changed</source>
        <translation>Зміна групи</translation>
    </message>
    <message>
        <source>New price level</source>
        <translation>Новий рівень цін</translation>
    </message>
    <message>
        <source>Price level changed</source>
        <translation>Зміна рівня цін</translation>
    </message>
    <message>
        <source>New unit</source>
        <translation>Нова одиниця</translation>
    </message>
    <message>
        <source>Unit changed</source>
        <translation>Зміна одиниці</translation>
    </message>
    <message>
        <source>New series</source>
        <translation>Нова серія</translation>
    </message>
    <message>
        <source>New price</source>
        <translation>Нова ціна</translation>
    </message>
    <message>
        <source>New barcode</source>
        <translation>Новий штрихкод</translation>
    </message>
    <message>
        <source>Barcode changed</source>
        <translation>Зміна штрихкоду</translation>
    </message>
    <message>
        <source>Product changed</source>
        <translation>Зміна товару</translation>
    </message>
    <message>
        <source>product %1</source>
        <translation>товар %1</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>відхилено</translation>
    </message>
    <message>
        <source>being sent</source>
        <translation>надсилається</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>очікує</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Коли</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Зміна</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Стан</translation>
    </message>
    <message>
        <source>The server said</source>
        <translation>Відповідь сервера</translation>
    </message>
    <message>
        <source>Unsent changes</source>
        <translation>Невідправлені зміни</translation>
    </message>
    <message>
        <source>&amp;Send again</source>
        <translation>&amp;Надіслати ще раз</translation>
    </message>
    <message>
        <source>&amp;Drop</source>
        <translation>&amp;Відкинути</translation>
    </message>
    <message>
        <source>%1 waiting, %2 refused. A refused change holds back the later changes of the same product until it is sent again or dropped.</source>
        <translation>Очікують: %1, відхилено: %2. Відхилена зміна затримує подальші зміни того самого товару, доки її не надішлють ще раз або не відкинуть.</translation>
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
    <name>PrinterPage</name>
    <message>
        <source>Ask each time</source>
        <translation>Питати щоразу</translation>
    </message>
    <message>
        <source>e.g. 192.168.1.50 or printer:9100</source>
        <translation>напр. 192.168.1.50 або printer:9100</translation>
    </message>
    <message>
        <source>Thermal label printers print best at their own resolution: 203 dpi for most, 300 dpi for some. A ZPL printer on the network receives the labels directly on port 9100.</source>
        <translation>Термопринтери етикеток друкують найкраще у власній роздільності: здебільшого 203 dpi, деякі 300 dpi. ZPL-принтер у мережі отримує етикетки напряму через порт 9100.</translation>
    </message>
    <message>
        <source>Default &amp;template:</source>
        <translation>Типовий &amp;шаблон:</translation>
    </message>
    <message>
        <source>Printer &amp;resolution (dpi):</source>
        <translation>&amp;Роздільність принтера (dpi):</translation>
    </message>
    <message>
        <source>System &amp;printer:</source>
        <translation>Системний &amp;принтер:</translation>
    </message>
    <message>
        <source>&amp;ZPL printer address:</source>
        <translation>Адреса &amp;ZPL-принтера:</translation>
    </message>
    <message>
        <source>The resolution must be a number of dots per inch such as 203, or two for x and y such as 300x600.</source>
        <translation>Роздільність — це кількість точок на дюйм, наприклад 203, або дві для x і y, наприклад 300x600.</translation>
    </message>
    <message>
        <source>The ZPL printer&apos;s address must be a host name or IP address, optionally with :port (9100 by default).</source>
        <translation>Адреса ZPL-принтера — це ім’я вузла чи IP-адреса, за потреби з :порт (типово 9100).</translation>
    </message>
</context>
<context>
    <name>ProductDetail</name>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Додати…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Змінити…</translation>
    </message>
    <message>
        <source>Add (Ins)</source>
        <translation>Додати (Ins)</translation>
    </message>
    <message>
        <source>Edit the selected row (F2)</source>
        <translation>Змінити вибраний рядок (F2)</translation>
    </message>
    <message>
        <source>Add to &amp;label queue</source>
        <translation>До &amp;черги етикеток</translation>
    </message>
    <message>
        <source>Add to label queue (Ctrl+P)</source>
        <translation>Додати до черги етикеток (Ctrl+P)</translation>
    </message>
    <message>
        <source>&amp;Units</source>
        <translation>&amp;Одиниці</translation>
    </message>
    <message>
        <source>S&amp;eries</source>
        <translation>С&amp;ерії</translation>
    </message>
    <message>
        <source>&amp;Prices</source>
        <translation>&amp;Ціни</translation>
    </message>
    <message>
        <source>&amp;Barcodes</source>
        <translation>&amp;Штрихкоди</translation>
    </message>
    <message>
        <source>Prices change through a revaluation.</source>
        <translation>Ціни змінюються через переоцінку.</translation>
    </message>
    <message>
        <source>Prices are read-only after creation; changes go through a revaluation document.</source>
        <translation>Після створення ціни лише для читання; змінюють їх документом переоцінки.</translation>
    </message>
    <message>
        <source>The catalog API cannot change a series.</source>
        <translation>API каталогу не дозволяє змінювати серію.</translation>
    </message>
    <message>
        <source>Select a product to see its details.</source>
        <translation>Виберіть товар, щоб побачити подробиці.</translation>
    </message>
    <message>
        <source>code %1</source>
        <translation>код %1</translation>
    </message>
    <message>
        <source>deleted on the server</source>
        <translation>видалено на сервері</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>неактивний</translation>
    </message>
    <message>
        <source>details not synced yet</source>
        <translation>подробиці ще не синхронізовано</translation>
    </message>
    <message>
        <source>whole</source>
        <translation>цілі</translation>
    </message>
    <message>
        <source>quarters</source>
        <translation>чверті</translation>
    </message>
    <message>
        <source>fractional</source>
        <translation>дробові</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>так</translation>
    </message>
    <message>
        <source>no</source>
        <translation>ні</translation>
    </message>
    <message>
        <source>Waiting to be sent to the server</source>
        <translation>Очікує надсилання на сервер</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Одиниця</translation>
    </message>
    <message>
        <source>Counted in</source>
        <translation>Облік</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Коефіцієнт</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Основна</translation>
    </message>
    <message>
        <source>For orders</source>
        <translation>Для замовлень</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Активна</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Серія</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Назва</translation>
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
        <source>Barcode</source>
        <translation>Штрихкод</translation>
    </message>
    <message>
        <source>Add-on</source>
        <translation>Дод. код</translation>
    </message>
    <message>
        <source>Edit unit</source>
        <translation>Змінити одиницю</translation>
    </message>
    <message>
        <source>Add unit</source>
        <translation>Додати одиницю</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>&amp;Одиниця:</translation>
    </message>
    <message>
        <source>&amp;Counted in:</source>
        <translation>&amp;Облік:</translation>
    </message>
    <message>
        <source>how many default units, e.g. 12</source>
        <translation>скільки основних одиниць, наприклад 12</translation>
    </message>
    <message>
        <source>&amp;Rate:</source>
        <translation>&amp;Коефіцієнт:</translation>
    </message>
    <message>
        <source>Usable in &amp;orders</source>
        <translation>Для &amp;замовлень</translation>
    </message>
    <message>
        <source>&amp;Active</source>
        <translation>&amp;Активна</translation>
    </message>
    <message>
        <source>The default unit is %1 (%2); the rate counts default units.</source>
        <translation>Основна одиниця — %1 (%2); коефіцієнт рахує основні одиниці.</translation>
    </message>
    <message>
        <source>Choose a unit.</source>
        <translation>Виберіть одиницю.</translation>
    </message>
    <message>
        <source>This unit cannot be changed yet: the server has not confirmed it. Try again after the catalog is synced.</source>
        <translation>Цю одиницю ще не можна змінити: сервер її ще не підтвердив. Спробуйте знову після синхронізації каталогу.</translation>
    </message>
    <message>
        <source>Add series</source>
        <translation>Додати серію</translation>
    </message>
    <message>
        <source>e.g. 2026-49</source>
        <translation>наприклад 2026-49</translation>
    </message>
    <message>
        <source>&amp;Series id:</source>
        <translation>&amp;Код серії:</translation>
    </message>
    <message>
        <source>e.g. No. 49 2026</source>
        <translation>наприклад №49 2026</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Назва:</translation>
    </message>
    <message>
        <source>The product already has this series.</source>
        <translation>Товар уже має цю серію.</translation>
    </message>
    <message>
        <source>Add price</source>
        <translation>Додати ціну</translation>
    </message>
    <message>
        <source>Price &amp;level:</source>
        <translation>&amp;Рівень цін:</translation>
    </message>
    <message>
        <source>&amp;Series:</source>
        <translation>&amp;Серія:</translation>
    </message>
    <message>
        <source>&amp;Price:</source>
        <translation>&amp;Ціна:</translation>
    </message>
    <message>
        <source>the maximum, if empty</source>
        <translation>якщо порожньо — максимальна</translation>
    </message>
    <message>
        <source>the price, if empty</source>
        <translation>якщо порожньо — ціна</translation>
    </message>
    <message>
        <source>M&amp;inimum:</source>
        <translation>М&amp;інімум:</translation>
    </message>
    <message>
        <source>M&amp;aximum:</source>
        <translation>М&amp;аксимум:</translation>
    </message>
    <message>
        <source>A price is set once. Later changes go through a revaluation.</source>
        <translation>Ціну задають один раз. Подальші зміни — через переоцінку.</translation>
    </message>
    <message>
        <source>The product has no default unit yet.</source>
        <translation>Товар ще не має основної одиниці.</translation>
    </message>
    <message>
        <source>Choose a price level.</source>
        <translation>Виберіть рівень цін.</translation>
    </message>
    <message>
        <source>This level already has a price; change it with a revaluation.</source>
        <translation>На цьому рівні ціна вже є; змініть її переоцінкою.</translation>
    </message>
    <message>
        <source>Edit barcode</source>
        <translation>Змінити штрихкод</translation>
    </message>
    <message>
        <source>Add barcode</source>
        <translation>Додати штрихкод</translation>
    </message>
    <message>
        <source>scan or type the digits</source>
        <translation>відскануйте або введіть цифри</translation>
    </message>
    <message>
        <source>&amp;Barcode:</source>
        <translation>&amp;Штрихкод:</translation>
    </message>
    <message>
        <source>2 or 5 digits, or empty</source>
        <translation>2 або 5 цифр, або порожньо</translation>
    </message>
    <message>
        <source>A&amp;dd-on:</source>
        <translation>&amp;Дод. код:</translation>
    </message>
    <message>
        <source>The product has no unit yet.</source>
        <translation>Товар ще не має одиниць.</translation>
    </message>
    <message>
        <source>This barcode cannot be changed yet: the server has not confirmed it. Try again after the catalog is synced.</source>
        <translation>Цей штрихкод ще не можна змінити: сервер його ще не підтвердив. Спробуйте знову після синхронізації каталогу.</translation>
    </message>
    <message>
        <source>This barcode already belongs to “%1” (code %2).</source>
        <translation>Цей штрихкод уже належить товару «%1» (код %2).</translation>
    </message>
</context>
<context>
    <name>ProductsModel</name>
    <message>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Назва</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Група</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Од.</translation>
    </message>
    <message>
        <source>Retail price</source>
        <translation>Роздрібна ціна</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>Штрихкод</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Активний</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>так</translation>
    </message>
    <message>
        <source>no</source>
        <translation>ні</translation>
    </message>
    <message>
        <source>Barcodes: %1</source>
        <translation>Штрихкодів: %1</translation>
    </message>
</context>
<context>
    <name>ScanBanner</name>
    <message>
        <source>Found</source>
        <translation>Знайдено</translation>
    </message>
    <message>
        <source>+1 label</source>
        <translation>+1 етикетка</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Зчитано</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Невідомий</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>Недійсний</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Не виконано</translation>
    </message>
</context>
<context>
    <name>ScanDiagnostics</name>
    <message>
        <source>Scanner diagnostics</source>
        <translation>Діагностика сканера</translation>
    </message>
    <message>
        <source>Scan a barcode: each key or serial read is listed with the time since the previous one, then the scan decoded from them. Scanner keys come a few milliseconds apart; typing, a hundred or more.</source>
        <translation>Відскануйте штрихкод: кожну клавішу чи порцію байтів із послідовного порту показано з часом від попередньої, а далі — розпізнаний з них код. Клавіші сканера йдуть за кілька мілісекунд одна за одною, під час набору — за сотню й більше.</translation>
    </message>
    <message>
        <source>&amp;Record to file…</source>
        <translation>&amp;Записати у файл…</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Очистити</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Закрити</translation>
    </message>
    <message>
        <source>serial %1</source>
        <translation>послідовний порт %1</translation>
    </message>
    <message>
        <source>keyboard</source>
        <translation>клавіатура</translation>
    </message>
    <message>
        <source>SCAN %1 (%2, %3 characters in %4 ms%5)</source>
        <translation>СКАН %1 (%2, символів: %3 за %4 мс%5)</translation>
    </message>
    <message>
        <source>not looked up: a window other than the main window was active</source>
        <translation>не шукали: було активне інше вікно, не головне</translation>
    </message>
    <message>
        <source>NOTICE %1: %2</source>
        <translation>ПОВІДОМЛЕННЯ %1: %2</translation>
    </message>
    <message>
        <source>STATUS %1</source>
        <translation>СТАН %1</translation>
    </message>
    <message>
        <source>Record scanner traffic</source>
        <translation>Запис обміну зі сканером</translation>
    </message>
    <message>
        <source>Scan recordings (*.jsonl)</source>
        <translation>Записи сканування (*.jsonl)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Не вдалося записати %1: %2</translation>
    </message>
    <message>
        <source>&amp;Stop recording</source>
        <translation>&amp;Зупинити запис</translation>
    </message>
    <message>
        <source>Recording to %1</source>
        <translation>Запис у %1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Збережено %1</translation>
    </message>
</context>
<context>
    <name>ScanWorkflow</name>
    <message>
        <source>item %1</source>
        <translation>товар %1</translation>
    </message>
    <message>
        <source>quantity %1</source>
        <translation>кількість %1</translation>
    </message>
    <message>
        <source>price %1</source>
        <translation>ціна %1</translation>
    </message>
    <message>
        <source>in-store value: %1</source>
        <translation>значення внутрішнього коду: %1</translation>
    </message>
    <message>
        <source>scanner identifier %1</source>
        <translation>ідентифікатор сканера %1</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Пошук</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Етикетки</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Перевірка</translation>
    </message>
    <message>
        <source>Scans select the product (F6)</source>
        <translation>Скан вибирає товар (F6)</translation>
    </message>
    <message>
        <source>Each scan adds one label to the queue (F7)</source>
        <translation>Кожен скан додає одну етикетку до черги (F7)</translation>
    </message>
    <message>
        <source>Scans only show what the barcode says (F8)</source>
        <translation>Скан лише показує, що містить штрихкод (F8)</translation>
    </message>
    <message>
        <source>The scan could not be handled: %1</source>
        <translation>Скан не вдалося обробити: %1</translation>
    </message>
    <message>
        <source>%1 is not a usable barcode: %2</source>
        <translation>%1 — непридатний штрихкод: %2</translation>
    </message>
    <message>
        <source>The catalog is not loaded yet; scan %1 again in a moment.</source>
        <translation>Каталог ще не завантажено; відскануйте %1 ще раз за мить.</translation>
    </message>
    <message>
        <source>%1 is not in the catalog.</source>
        <translation>%1 немає в каталозі.</translation>
    </message>
    <message>
        <source>%1 is in the catalog but could not be shown.</source>
        <translation>%1 є в каталозі, але його не вдалося показати.</translation>
    </message>
    <message>
        <source>There is no label queue.</source>
        <translation>Немає черги етикеток.</translation>
    </message>
    <message>
        <source>%1 — case code: the label is for the piece&apos;s barcode %2</source>
        <translation>%1 — код ящика: етикетка для штрихкоду штуки %2</translation>
    </message>
    <message>
        <source>No label for %1: %2</source>
        <translation>Немає етикетки для %1: %2</translation>
    </message>
</context>
<context>
    <name>ScannerNotices</name>
    <message>
        <source>The scanner&apos;s keys could not be read with the active keyboard layout. Set the scanner to the computer&apos;s layout, or switch the computer to the scanner&apos;s (usually US English).</source>
        <translation>Клавіші сканера не вдалося прочитати в активній розкладці клавіатури. Налаштуйте сканер на розкладку комп’ютера або перемкніть комп’ютер на розкладку сканера (зазвичай англійську США).</translation>
    </message>
    <message>
        <source>The scanner sent keypad keys while NumLock is off, so the code arrived as arrow keys. Turn NumLock on, or set the scanner to send normal number keys.</source>
        <translation>Сканер надіслав клавіші цифрового блоку при вимкненому NumLock, тож код надійшов як стрілки. Увімкніть NumLock або налаштуйте сканер надсилати звичайні цифрові клавіші.</translation>
    </message>
    <message>
        <source>Caps Lock is on: the scanner&apos;s letters arrive in the wrong case. Turn Caps Lock off.</source>
        <translation>Увімкнено Caps Lock: літери від сканера надходять у неправильному регістрі. Вимкніть Caps Lock.</translation>
    </message>
    <message>
        <source>The serial scanner sent data that cannot be a barcode. Check that the baud rate, data bits, parity and stop bits match the scanner&apos;s (often 9600 8N1).</source>
        <translation>Послідовний сканер надіслав дані, які не можуть бути штрихкодом. Перевірте, що швидкість, біти даних, парність і стопові біти збігаються з налаштуваннями сканера (часто 9600 8N1).</translation>
    </message>
</context>
<context>
    <name>ScannerPage</name>
    <message>
        <source>Nothing arrived from the scanner. Is it plugged in and set to USB keyboard mode?</source>
        <translation>Від сканера нічого не надійшло. Він під’єднаний і працює в режимі USB-клавіатури?</translation>
    </message>
    <message>
        <source>NumLock is off: the scanner&apos;s keypad digits arrived as arrow keys. Turn NumLock on, or set the scanner to send normal number keys.</source>
        <translation>NumLock вимкнено: цифри сканера з цифрового блоку надійшли як стрілки. Увімкніть NumLock або налаштуйте сканер надсилати звичайні цифрові клавіші.</translation>
    </message>
    <message>
        <source>The keys could not be read with the active keyboard layout. Set the scanner to the computer&apos;s layout, or switch the computer to US English while scanning.</source>
        <translation>Клавіші не вдалося прочитати в активній розкладці. Налаштуйте сканер на розкладку комп’ютера або під час сканування перемкніть комп’ютер на англійську (США).</translation>
    </message>
    <message>
        <source>The keyboard layout differs from the scanner&apos;s (it typed %1). Komora reads the code anyway, but other programs will get the wrong text.</source>
        <translation>Розкладка клавіатури відрізняється від розкладки сканера (надруковано %1). Komora все одно читає код, але інші програми отримають неправильний текст.</translation>
    </message>
    <message>
        <source>Caps Lock is on; turn it off for letters to arrive right.</source>
        <translation>Увімкнено Caps Lock; вимкніть його, щоб літери надходили правильно.</translation>
    </message>
    <message>
        <source>The scanner sent no Enter or Tab after the code. Set it to add Enter, or choose &apos;none&apos; as the terminator here.</source>
        <translation>Сканер не надіслав Enter чи Tab після коду. Налаштуйте його додавати Enter або виберіть тут завершення «немає».</translation>
    </message>
    <message>
        <source>The scanner ends codes with another key than the one chosen here. Choose the terminator it sends.</source>
        <translation>Сканер завершує коди іншою клавішею, ніж вибрана тут. Виберіть ту, яку він надсилає.</translation>
    </message>
    <message>
        <source>The keys came slowly (up to %1 ms apart, %2 ms in all). Raise the longest gap or burst here, or speed up the scanner&apos;s keyboard output.</source>
        <translation>Клавіші надходили повільно (до %1 мс між ними, %2 мс загалом). Збільште тут найдовшу паузу чи тривалість коду або пришвидшіть вивід сканера.</translation>
    </message>
    <message>
        <source>The code is shorter than the minimum length chosen here.</source>
        <translation>Код коротший за вибрану тут мінімальну довжину.</translation>
    </message>
    <message>
        <source>The scan read %1, not the test code %2: scan the barcode shown here.</source>
        <translation>Скан прочитано як %1, а не тестовий код %2: відскануйте штрихкод, показаний тут.</translation>
    </message>
    <message>
        <source>All right: %1 arrived whole, with the expected terminator, in %2 ms.</source>
        <translation>Усе гаразд: %1 надійшов цілим, з очікуваним завершенням, за %2 мс.</translation>
    </message>
    <message>
        <source>Scans will work, but:</source>
        <translation>Сканування працюватиме, але:</translation>
    </message>
    <message>
        <source>The serial scanner on %1 read the test barcode %2: it works.</source>
        <translation>Послідовний сканер на %1 зчитав тестовий штрихкод %2: він працює.</translation>
    </message>
    <message>
        <source>The serial scanner on %1 read “%2”, not the test barcode %3. If you scanned another code, the scanner works; if not, check its baud rate, data bits, parity and stop bits.</source>
        <translation>Послідовний сканер на %1 зчитав «%2», а не тестовий штрихкод %3. Якщо ви сканували інший код, сканер працює; якщо ні, перевірте його швидкість, біти даних, парність і стопові біти.</translation>
    </message>
    <message>
        <source>&amp;Beep on each scan</source>
        <translation>&amp;Звуковий сигнал на кожен скан</translation>
    </message>
    <message>
        <source>Keyboard scanner (USB, acts as a keyboard)</source>
        <translation>Клавіатурний сканер (USB, працює як клавіатура)</translation>
    </message>
    <message>
        <source>Tell &amp;scans from typing</source>
        <translation>&amp;Відрізняти скани від набору</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> мс</translation>
    </message>
    <message>
        <source>Enter (either)</source>
        <translation>Enter (будь-який)</translation>
    </message>
    <message>
        <source>Keypad Enter</source>
        <translation>Enter цифрового блоку</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <source>None (a pause ends the code)</source>
        <translation>Немає (код завершує пауза)</translation>
    </message>
    <message>
        <source>none; \x02 for STX</source>
        <translation>немає; \x02 для STX</translation>
    </message>
    <message>
        <source>Codes start with an AIM identifier (]E0…)</source>
        <translation>Коди починаються з ідентифікатора AIM (]E0…)</translation>
    </message>
    <message>
        <source>The scanner presses US key positions (most scanners)</source>
        <translation>Сканер натискає клавіші за розташуванням США (більшість сканерів)</translation>
    </message>
    <message>
        <source>Minimum &amp;length:</source>
        <translation>Мінімальна &amp;довжина:</translation>
    </message>
    <message>
        <source>Longest &amp;gap between keys:</source>
        <translation>Найдовша &amp;пауза між клавішами:</translation>
    </message>
    <message>
        <source>Longest &amp;whole code:</source>
        <translation>Найдовший &amp;увесь код:</translation>
    </message>
    <message>
        <source>&amp;Ends with:</source>
        <translation>&amp;Завершення:</translation>
    </message>
    <message>
        <source>&amp;Prefix:</source>
        <translation>П&amp;рефікс:</translation>
    </message>
    <message>
        <source>S&amp;uffix:</source>
        <translation>С&amp;уфікс:</translation>
    </message>
    <message>
        <source>Serial scanner (COM port, USB serial)</source>
        <translation>Послідовний сканер (COM-порт, USB-serial)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Оновити</translation>
    </message>
    <message>
        <source>none</source>
        <translation>немає</translation>
    </message>
    <message>
        <source>even</source>
        <translation>парна</translation>
    </message>
    <message>
        <source>odd</source>
        <translation>непарна</translation>
    </message>
    <message>
        <source>mark</source>
        <translation>маркер (1)</translation>
    </message>
    <message>
        <source>space</source>
        <translation>пробіл (0)</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>П&amp;орт:</translation>
    </message>
    <message>
        <source>&amp;Baud rate:</source>
        <translation>&amp;Швидкість (бод):</translation>
    </message>
    <message>
        <source>&amp;Data bits:</source>
        <translation>&amp;Біти даних:</translation>
    </message>
    <message>
        <source>P&amp;arity:</source>
        <translation>П&amp;арність:</translation>
    </message>
    <message>
        <source>S&amp;top bits:</source>
        <translation>С&amp;топові біти:</translation>
    </message>
    <message>
        <source>E&amp;nds with:</source>
        <translation>За&amp;вершення:</translation>
    </message>
    <message>
        <source>Pause that ends a code:</source>
        <translation>Пауза, що завершує код:</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Перевірка</translation>
    </message>
    <message>
        <source>S&amp;can a test barcode</source>
        <translation>Від&amp;сканувати тестовий штрихкод</translation>
    </message>
    <message>
        <source>The longest whole code must be longer than the longest gap between keys.</source>
        <translation>Найдовший увесь код має бути довшим за найдовшу паузу між клавішами.</translation>
    </message>
    <message>
        <source>none (no serial scanner)</source>
        <translation>немає (без послідовного сканера)</translation>
    </message>
    <message>
        <source>Stop the test</source>
        <translation>Зупинити перевірку</translation>
    </message>
    <message>
        <source>Scan the barcode above (or any copy of %1) now.</source>
        <translation>Відскануйте штрихкод вище (або будь-яку копію %1) зараз.</translation>
    </message>
</context>
<context>
    <name>ScannerStatus</name>
    <message>
        <source>%1: connecting…</source>
        <translation>%1: підключення…</translation>
    </message>
    <message>
        <source>%1: ready</source>
        <translation>%1: готовий</translation>
    </message>
    <message>
        <source>%1: unplugged, waiting</source>
        <translation>%1: від’єднано, очікування</translation>
    </message>
    <message>
        <source>%1: not working</source>
        <translation>%1: не працює</translation>
    </message>
    <message>
        <source>%1: off</source>
        <translation>%1: вимкнено</translation>
    </message>
    <message>
        <source>You may not open the serial port %1. Add your user to the &apos;dialout&apos; group (Debian, Ubuntu, Fedora) or &apos;uucp&apos; (Arch): sudo usermod -aG dialout $USER, then log out and in again.</source>
        <translation>Вам не дозволено відкривати послідовний порт %1. Додайте свого користувача до групи «dialout» (Debian, Ubuntu, Fedora) або «uucp» (Arch): sudo usermod -aG dialout $USER, потім вийдіть із системи й увійдіть знову.</translation>
    </message>
    <message>
        <source>The serial port %1 is in use by another program. Close it and try again.</source>
        <translation>Послідовний порт %1 зайнятий іншою програмою. Закрийте її та спробуйте знову.</translation>
    </message>
    <message>
        <source>There is no serial port %1. Plug the scanner in or choose its port in Settings → Scanner.</source>
        <translation>Послідовного порту %1 немає. Під’єднайте сканер або виберіть його порт у Налаштуваннях → Сканер.</translation>
    </message>
    <message>
        <source>The scanner on %1 was unplugged; it is used again as soon as it is back.</source>
        <translation>Сканер на %1 від’єднано; його буде знову використано, щойно він повернеться.</translation>
    </message>
    <message>
        <source>The serial scanner on %1 does not work. The details are in the log.</source>
        <translation>Послідовний сканер на %1 не працює. Подробиці — в журналі.</translation>
    </message>
</context>
<context>
    <name>Scanning</name>
    <message>
        <source>The label queue cannot be saved on this computer; labels queued now are lost when the app closes. (%1)</source>
        <translation>Чергу етикеток не вдається зберігати на цьому комп’ютері; етикетки, додані зараз, буде втрачено після закриття програми. (%1)</translation>
    </message>
    <message>
        <source>Scanner &amp;diagnostics…</source>
        <translation>&amp;Діагностика сканера…</translation>
    </message>
    <message>
        <source>The catalog is not loaded yet; try again in a moment.</source>
        <translation>Каталог ще не завантажено; спробуйте за мить.</translation>
    </message>
    <message>
        <source>The add-product wizard cannot open while “%1” is open; close it, then scan %2 again.</source>
        <translation>Майстер додавання товару не може відкритися, поки відкрито «%1»; закрийте його, потім скануйте %2 ще раз.</translation>
    </message>
    <message>
        <source>keyboard</source>
        <translation>клавіатура</translation>
    </message>
    <message>
        <source>off</source>
        <translation>вимкнено</translation>
    </message>
    <message>
        <source>Scan ignored because a dialog is open. To scan into the dialog, click its barcode field first; to look the code up, close the dialog and scan again.</source>
        <translation>Сканування пропущено, бо відкрито діалог. Щоб сканувати в діалог, спершу клацніть його поле штрихкоду; щоб знайти код, закрийте діалог і скануйте ще раз.</translation>
    </message>
    <message>
        <source>The serial scanner is back on %1.</source>
        <translation>Послідовний сканер знову працює на %1.</translation>
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
    <message>
        <source>(no name yet)</source>
        <translation>(ще без назви)</translation>
    </message>
    <message>
        <source>still being filled in</source>
        <translation>ще заповнюється</translation>
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
</context>
<context>
    <name>WriteDialog</name>
    <message>
        <source>The server refused the change: %1</source>
        <translation>Сервер відхилив зміну: %1</translation>
    </message>
</context>
</TS>
