<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk_UA">
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
        <source>Something went wrong: %1. The details are in the log.</source>
        <translation>Щось пішло не так: %1. Подробиці — у журналі.</translation>
    </message>
</context>
</TS>
