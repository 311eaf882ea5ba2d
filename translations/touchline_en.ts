<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Touchline::CadenceStepsModel</name>
    <message numerus="yes">
        <source>Move %n step(s)</source>
        <translation>
            <numerusform>Move %n step</numerusform>
            <numerusform>Move %n steps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n business day(s) after enrolling</source>
        <translation>
            <numerusform>%n business day after enrolling</numerusform>
            <numerusform>%n business days after enrolling</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) after enrolling</source>
        <translation>
            <numerusform>%n day after enrolling</numerusform>
            <numerusform>%n days after enrolling</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n business day(s) later</source>
        <translation>
            <numerusform>%n business day later</numerusform>
            <numerusform>%n business days later</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) later</source>
        <translation>
            <numerusform>%n day later</numerusform>
            <numerusform>%n days later</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Touchline::CadencesPage</name>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n step</numerusform>
            <numerusform>%n steps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>%n running</numerusform>
            <numerusform>%n running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n prospect(s) running this cadence: changes to waits and send windows apply to their next steps.</source>
        <translation>
            <numerusform>%n prospect running this cadence: changes to waits and send windows apply to their next steps.</numerusform>
            <numerusform>%n prospects running this cadence: changes to waits and send windows apply to their next steps.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Touchline::Cli::CadenceCommands</name>
    <message numerus="yes">
        <source>%n business day(s)</source>
        <translation>
            <numerusform>%n business day</numerusform>
            <numerusform>%n business days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enrolled %n prospect(s) in %1.</source>
        <translation>
            <numerusform>Enrolled %n prospect in %1.</numerusform>
            <numerusform>Enrolled %n prospects in %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Took %n prospect(s) out of their cadence.</source>
        <translation>
            <numerusform>Took %n prospect out of their cadence.</numerusform>
            <numerusform>Took %n prospects out of their cadence.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Touchline::Cli::ImportExportCommands</name>
    <message numerus="yes">
        <source>Exported %n prospect(s) to %1.</source>
        <translation>
            <numerusform>Exported %n prospect to %1.</numerusform>
            <numerusform>Exported %n prospects to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n touch(es) to %1.</source>
        <translation>
            <numerusform>Exported %n touch to %1.</numerusform>
            <numerusform>Exported %n touches to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n prospect(s) as vCards to %1.</source>
        <translation>
            <numerusform>Exported %n prospect as vCards to %1.</numerusform>
            <numerusform>Exported %n prospects as vCards to %1.</numerusform>
        </translation>
    </message>
</context>
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
    <name>Touchline::Cli::ReportCommands</name>
    <message numerus="yes">
        <source>%n prospect(s) touched before they were added, or added at an unknown time, are not counted.</source>
        <translation>
            <numerusform>%n prospect touched before they were added, or added at an unknown time, are not counted.</numerusform>
            <numerusform>%n prospects touched before they were added, or added at an unknown time, are not counted.</numerusform>
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
    <name>Touchline::DashboardPage</name>
    <message numerus="yes">
        <source>%n still open</source>
        <translation>
            <numerusform>%n still open</numerusform>
            <numerusform>%n still open</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No touch has settled yet, so there is no reply rate: %n touch(es) still open. A touch settles when a reply comes, the next touch goes out, the cadence ends or %1 days have passed.</source>
        <translation>
            <numerusform>No touch has settled yet, so there is no reply rate: %n touch still open. A touch settles when a reply comes, the next touch goes out, the cadence ends or %1 days have passed.</numerusform>
            <numerusform>No touch has settled yet, so there is no reply rate: %n touches still open. A touch settles when a reply comes, the next touch goes out, the cadence ends or %1 days have passed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n first reply(s) in all; each point: the share that had come by that touch.</source>
        <translation>
            <numerusform>%n first reply in all; each point: the share that had come by that touch.</numerusform>
            <numerusform>%n first replies in all; each point: the share that had come by that touch.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n prospect(s) never replied and got no further touch. Where the reply rate stays high, stopping there leaves replies behind.</source>
        <translation>
            <numerusform>%n prospect never replied and got no further touch. Where the reply rate stays high, stopping there leaves replies behind.</numerusform>
            <numerusform>%n prospects never replied and got no further touch. Where the reply rate stays high, stopping there leaves replies behind.</numerusform>
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
        <source>%n prospect(s) touched before they were created (imported) are left out.</source>
        <translation>
            <numerusform>%n prospect touched before they were created  are left out.</numerusform>
            <numerusform>%n prospects touched before they were created imported are left out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Touchline::DuePage</name>
    <message numerus="yes">
        <source>%n due today</source>
        <translation>
            <numerusform>%n due today</numerusform>
            <numerusform>%n due today</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Touchline::ImportResultView</name>
    <message numerus="yes">
        <source>&amp;Not imported: %n row(s)</source>
        <translation>
            <numerusform>&amp;Not imported: %n row</numerusform>
            <numerusform>&amp;Not imported: %n rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Touchline::ImportWizard</name>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln row</numerusform>
            <numerusform>%Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1; %Ln unreadable line(s), left out (Show Problems lists them)</source>
        <translation>
            <numerusform>%1; %Ln unreadable line, left out (Show Problems lists them)</numerusform>
            <numerusform>%1; %Ln unreadable lines, left out (Show Problems lists them)</numerusform>
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
    <message numerus="yes">
        <source>%1 (%n step(s))</source>
        <translation>
            <numerusform>%1 (%n step)</numerusform>
            <numerusform>%1 (%n steps)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enroll %n prospect(s) in:</source>
        <translation>
            <numerusform>Enroll %n prospect in:</numerusform>
            <numerusform>Enroll %n prospects in:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already in a running cadence</source>
        <translation>
            <numerusform>%n already in a running cadence</numerusform>
            <numerusform>%n already in a running cadence</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n marked do not contact</source>
        <translation>
            <numerusform>%n marked do not contact</numerusform>
            <numerusform>%n marked do not contact</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enrolled %n prospect(s) in %1.</source>
        <translation>
            <numerusform>Enrolled %n prospect in %1.</numerusform>
            <numerusform>Enrolled %n prospects in %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Took %n prospect(s) out of their cadence. Undo with %1.</source>
        <translation>
            <numerusform>Took %n prospect out of their cadence. Undo with %1.</numerusform>
            <numerusform>Took %n prospects out of their cadence. Undo with %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paused the cadence of %n prospect(s).</source>
        <translation>
            <numerusform>Paused the cadence of %n prospect.</numerusform>
            <numerusform>Paused the cadence of %n prospects.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resumed the cadence of %n prospect(s).</source>
        <translation>
            <numerusform>Resumed the cadence of %n prospect.</numerusform>
            <numerusform>Resumed the cadence of %n prospects.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n touch(es) from %1?</source>
        <translation>
            <numerusform>Import %n touch from %1?</numerusform>
            <numerusform>Import %n touches from %1?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Each touch joins the timeline of the prospect with its email address or LinkedIn profile. %n row(s) cannot be read and will be listed at the end.</source>
        <translation>
            <numerusform>Each touch joins the timeline of the prospect with its email address or LinkedIn profile. %n row cannot be read and will be listed at the end.</numerusform>
            <numerusform>Each touch joins the timeline of the prospect with its email address or LinkedIn profile. %n rows cannot be read and will be listed at the end.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Save the touches due in the next %n day(s) as events for a calendar app</source>
        <translation>
            <numerusform>Save the touches due in the next %n day as events for a calendar app</numerusform>
            <numerusform>Save the touches due in the next %n days as events for a calendar app</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) cannot be read; the details list them all.</source>
        <translation>
            <numerusform>%n row cannot be read; the details list them all.</numerusform>
            <numerusform>%n rows cannot be read; the details list them all.</numerusform>
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
    <name>Touchline::StepEditor</name>
    <message numerus="yes">
        <source>day(s) after enrolling</source>
        <translation>
            <numerusform>day after enrolling</numerusform>
            <numerusform>days after enrolling</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>day(s) after the previous step</source>
        <translation>
            <numerusform>day after the previous step</numerusform>
            <numerusform>days after the previous step</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>≈ %n character(s)</source>
        <translation>
            <numerusform>≈ %n character</numerusform>
            <numerusform>≈ %n characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n text message(s) of %1 characters</source>
        <translation>
            <numerusform>%n text message of %1 characters</numerusform>
            <numerusform>%n text messages of %1 characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Touchline::StepPreview</name>
    <message numerus="yes">
        <source>%n more: refine the search</source>
        <translation>
            <numerusform>%n more: refine the search</numerusform>
            <numerusform>%n more: refine the search</numerusform>
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
<context>
    <name>Touchline::TouchRepository</name>
    <message numerus="yes">
        <source>numbering the touches of %n prospect(s)</source>
        <translation>
            <numerusform>numbering the touches of %n prospect</numerusform>
            <numerusform>numbering the touches of %n prospects</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Touchline::WeekHourHeatMap</name>
    <message numerus="yes">
        <source>%n touch(es)</source>
        <translation>
            <numerusform>%n touch</numerusform>
            <numerusform>%n touches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n first reply(s), %1 of the settled touches</source>
        <translation>
            <numerusform>%n first reply, %1 of the settled touches</numerusform>
            <numerusform>%n first replies, %1 of the settled touches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n still open</source>
        <translation>
            <numerusform>%n still open</numerusform>
            <numerusform>%n still open</numerusform>
        </translation>
    </message>
</context>
</TS>
