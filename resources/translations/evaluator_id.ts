<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../evaluator_app/ui/main_window.py" line="59"/>
        <location filename="../../evaluator_app/ui/main_window.py" line="127"/>
        <source>Select a session to see its overview.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/main_window.py" line="76"/>
        <source>Data folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/main_window.py" line="82"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/main_window.py" line="83"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/main_window.py" line="88"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/main_window.py" line="94"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/main_window.py" line="95"/>
        <source>&amp;About Evaluator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/main_window.py" line="129"/>
        <source>There are no evaluation sessions on this laptop yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/main_window.py" line="147"/>
        <source>About Evaluator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/main_window.py" line="152"/>
        <source>Offline maturity-evaluation meetings: score indicators, record evidence and findings, sign the minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/main_window.py" line="157"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionDetailsPanel</name>
    <message>
        <location filename="../../evaluator_app/ui/session_details.py" line="91"/>
        <source>Framework:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/session_details.py" line="92"/>
        <source>Stage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/session_details.py" line="93"/>
        <source>Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/session_details.py" line="94"/>
        <source>Venue:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/session_details.py" line="95"/>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/session_details.py" line="96"/>
        <source>Progress:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/session_details.py" line="97"/>
        <source>Index:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/session_details.py" line="98"/>
        <source>Predicate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/session_details.py" line="101"/>
        <source>Dimension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/session_details.py" line="101"/>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/session_details.py" line="101"/>
        <source>Settled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/session_details.py" line="103"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/session_details.py" line="103"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/session_details.py" line="104"/>
        <source>Dimensions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/session_details.py" line="147"/>
        <source>Participants (%1 present of %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionListModel</name>
    <message>
        <location filename="../../evaluator_app/ui/session_list_model.py" line="59"/>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/session_list_model.py" line="60"/>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/session_list_model.py" line="61"/>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/session_list_model.py" line="62"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/session_list_model.py" line="63"/>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../evaluator_app/ui/session_list_model.py" line="64"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
