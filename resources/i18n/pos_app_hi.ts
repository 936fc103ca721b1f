<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN" sourcelanguage="en">
<context>
    <name>Money</name>
    <message>
        <source>Enter an amount like 149 or 149.50</source>
        <translation>149 या 149.50 जैसी राशि लिखें</translation>
    </message>
    <message>
        <source>Amounts above {limit} are not accepted</source>
        <translation>{limit} से अधिक राशि स्वीकार नहीं की जाती</translation>
    </message>
</context>
<context>
    <name>Phone</name>
    <message>
        <source>A mobile number has digits only</source>
        <translation>मोबाइल नंबर में केवल अंक होते हैं</translation>
    </message>
    <message>
        <source>Enter the 10-digit mobile number</source>
        <translation>10 अंकों का मोबाइल नंबर लिखें</translation>
    </message>
    <message>
        <source>Indian mobile numbers start with 6, 7, 8 or 9</source>
        <translation>भारतीय मोबाइल नंबर 6, 7, 8 या 9 से शुरू होते हैं</translation>
    </message>
</context>
</TS>
