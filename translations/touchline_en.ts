<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Touchline::Cli::ProspectCommands</name>
    <message numerus="yes">
        <source>Deleted %n prospect(s).</source>
        <translation>
            <numerusform>Deleted %n prospect.</numerusform>
            <numerusform>Deleted %n prospects.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Touchline::ConsistencyCheck</name>
    <message numerus="yes">
        <source>%n more problem(s) of this kind (%1).</source>
        <translation>
            <numerusform>%n more problem of this kind (%1).</numerusform>
            <numerusform>%n more problems of this kind (%1).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Touchline::MainWindow</name>
    <message numerus="yes">
        <source>Deleted %n prospect(s). Undo with %1.</source>
        <translation>
            <numerusform>Deleted %n prospect. Undo with %1.</numerusform>
            <numerusform>Deleted %n prospects. Undo with %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n prospect(s)</source>
        <translation>
            <numerusform>%n prospect</numerusform>
            <numerusform>%n prospects</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n prospect(s) shown</source>
        <translation>
            <numerusform>%1 of %n prospect shown</numerusform>
            <numerusform>%1 of %n prospects shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Touchline::ProspectEditor</name>
    <message numerus="yes">
        <source>Delete %n prospect(s)</source>
        <translation>
            <numerusform>Delete %n prospect</numerusform>
            <numerusform>Delete %n prospects</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Touchline::RelativeTime</name>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Touchline::TimelinePanel</name>
    <message numerus="yes">
        <source>%n touch(es)</source>
        <translation>
            <numerusform>%n touch</numerusform>
            <numerusform>%n touches</numerusform>
        </translation>
    </message>
</context>
</TS>
