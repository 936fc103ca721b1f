<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN" sourcelanguage="en">
<context>
    <name>AmazonPayCard</name>
    <message>
        <source>Link and Pay</source>
        <translation>लिंक करें और भुगतान करें</translation>
    </message>
    <message>
        <source>Link Amazon Pay and pay</source>
        <translation>Amazon Pay लिंक करें और भुगतान करें</translation>
    </message>
    <message>
        <source>The customer links Amazon Pay once (QR code on their phone, or on this screen), then the sale is paid from the balance</source>
        <translation>ग्राहक एक बार Amazon Pay लिंक करते हैं (अपने फ़ोन पर QR कोड से, या इसी स्क्रीन पर), फिर बिक्री का भुगतान बैलेंस से होता है</translation>
    </message>
    <message>
        <source>Balance {amount}</source>
        <translation>बैलेंस {amount}</translation>
    </message>
</context>
<context>
    <name>AnalyticsView</name>
    <message>
        <source>Chosen day</source>
        <translation>चुना हुआ दिन</translation>
    </message>
    <message>
        <source>Previous day</source>
        <translation>पिछला दिन</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>पिछले 7 दिन</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>पिछले 30 दिन</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>अपनी चुनी अवधि</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>कोशिशें</translation>
    </message>
    <message>
        <source>Charged</source>
        <translation>पैसे कटे</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>सफलता</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>राशि</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>अवधि</translation>
    </message>
    <message>
        <source>from</source>
        <translation>से</translation>
    </message>
    <message>
        <source>to</source>
        <translation>तक</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>पहला दिन</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>आखिरी दिन</translation>
    </message>
    <message>
        <source>By payment flow</source>
        <translation>भुगतान के तरीके के हिसाब से</translation>
    </message>
    <message>
        <source>By gateway route</source>
        <translation>गेटवे रूट के हिसाब से</translation>
    </message>
    <message>
        <source>Drop-off</source>
        <translation>बीच में छोड़े गए</translation>
    </message>
    <message>
        <source>Calculating…</source>
        <translation>हिसाब लग रहा है…</translation>
    </message>
    <message>
        <source>Could not compute the figures: {error}</source>
        <translation>आँकड़े नहीं निकल सके: {error}</translation>
    </message>
    <message>
        <source>{period} · local time</source>
        <translation>{period} · स्थानीय समय</translation>
    </message>
    <message>
        <source>&lt;b&gt;{linked}&lt;/b&gt; link started but never consented &amp;nbsp;·&amp;nbsp; &lt;b&gt;{opened}&lt;/b&gt; payment page opened but not paid &amp;nbsp;·&amp;nbsp; attempts that ended cancelled or failed at that step</source>
        <translation>&lt;b&gt;{linked}&lt;/b&gt; लिंक शुरू हुआ पर अनुमति नहीं मिली &amp;nbsp;·&amp;nbsp; &lt;b&gt;{opened}&lt;/b&gt; भुगतान पेज खुला पर भुगतान नहीं हुआ &amp;nbsp;·&amp;nbsp; वे कोशिशें जो उसी चरण पर रद्द या विफल हुईं</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message>
        <source>Pay with your Amazon Pay balance.</source>
        <translation>अपने Amazon Pay बैलेंस से भुगतान करें।</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>स्वागत है</translation>
    </message>
    <message>
        <source>Self-checkout</source>
        <translation>सेल्फ़-चेकआउट</translation>
    </message>
    <message>
        <source>Choose your items on this screen and pay with your phone. It takes about a minute.</source>
        <translation>इस स्क्रीन पर अपना सामान चुनें और अपने फ़ोन से भुगतान करें। इसमें लगभग एक मिनट लगता है।</translation>
    </message>
    <message>
        <source>Tap to start</source>
        <translation>शुरू करने के लिए टैप करें</translation>
    </message>
    <message>
        <source>You need: your mobile number, and Amazon Pay on your phone.</source>
        <translation>आपको चाहिए: अपना मोबाइल नंबर, और फ़ोन में Amazon Pay।</translation>
    </message>
    <message>
        <source>You can pay with: {methods}.</source>
        <translation>आप इनसे भुगतान कर सकते हैं: {methods}।</translation>
    </message>
    <message>
        <source>Payments are not available right now. Please ask staff.</source>
        <translation>अभी भुगतान नहीं हो सकता। कृपया स्टाफ़ से पूछें।</translation>
    </message>
</context>
<context>
    <name>Cart</name>
    <message>
        <source>The amount must be more than zero</source>
        <translation>राशि शून्य से अधिक होनी चाहिए</translation>
    </message>
    <message>
        <source>A sale cannot be more than {limit}</source>
        <translation>एक बिक्री {limit} से अधिक की नहीं हो सकती</translation>
    </message>
</context>
<context>
    <name>CartModel</name>
    <message>
        <source>Item</source>
        <translation>आइटम</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>कीमत</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>मात्रा</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>कुल</translation>
    </message>
    <message>
        <source>Quantity must be a whole number from 1 to {max}</source>
        <translation>मात्रा 1 से {max} तक की पूरी संख्या होनी चाहिए</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>राशि</translation>
    </message>
</context>
<context>
    <name>CartView</name>
    <message>
        <source>Quantity</source>
        <translation>मात्रा</translation>
    </message>
    <message>
        <source>Cart</source>
        <translation>कार्ट</translation>
    </message>
    <message>
        <source>Cart lines</source>
        <translation>कार्ट का सामान</translation>
    </message>
    <message>
        <source>The cart is empty.
Tap a product or type an amount to start a sale.</source>
        <translation>कार्ट खाली है।
बिक्री शुरू करने के लिए कोई प्रोडक्ट चुनें या राशि लिखें।</translation>
    </message>
    <message>
        <source>Decrease quantity</source>
        <translation>मात्रा घटाएँ</translation>
    </message>
    <message>
        <source>Decrease quantity (− key)</source>
        <translation>मात्रा घटाएँ (− बटन)</translation>
    </message>
    <message>
        <source>Increase quantity</source>
        <translation>मात्रा बढ़ाएँ</translation>
    </message>
    <message>
        <source>Increase quantity (+ key)</source>
        <translation>मात्रा बढ़ाएँ (+ बटन)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>हटाएँ</translation>
    </message>
    <message>
        <source>Remove selected line</source>
        <translation>चुनी हुई लाइन हटाएँ</translation>
    </message>
    <message>
        <source>F4 or Ctrl+Q: type the quantity, then Enter. + and − change it.</source>
        <translation>F4 या Ctrl+Q: मात्रा लिखें, फिर Enter दबाएँ। + और − से मात्रा बदलें।</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>कुल</translation>
    </message>
    <message>
        <source>Cart total</source>
        <translation>कार्ट का कुल</translation>
    </message>
    <message>
        <source>1 item</source>
        <translation>1 आइटम</translation>
    </message>
    <message>
        <source>{count} items</source>
        <translation>{count} आइटम</translation>
    </message>
</context>
<context>
    <name>Catalogue</name>
    <message>
        <source>Products</source>
        <translation>प्रोडक्ट</translation>
    </message>
    <message>
        <source>Other amount</source>
        <translation>दूसरी राशि</translation>
    </message>
    <message>
        <source>Other amount in rupees</source>
        <translation>रुपये में दूसरी राशि</translation>
    </message>
    <message>
        <source>Amount in ₹, e.g. 149.50</source>
        <translation>₹ में राशि, जैसे 149.50</translation>
    </message>
    <message>
        <source>Add amount</source>
        <translation>राशि जोड़ें</translation>
    </message>
    <message>
        <source>Add amount to cart</source>
        <translation>राशि कार्ट में जोड़ें</translation>
    </message>
    <message>
        <source>Type an amount first, e.g. 149.50</source>
        <translation>पहले राशि लिखें, जैसे 149.50</translation>
    </message>
    <message>
        <source>The amount must be more than zero</source>
        <translation>राशि शून्य से अधिक होनी चाहिए</translation>
    </message>
</context>
<context>
    <name>CheckoutController</name>
    <message>
        <source>The checkout could not start: {error}</source>
        <translation>चेकआउट शुरू नहीं हो सका: {error}</translation>
    </message>
    <message>
        <source>Confirming with Amazon Pay</source>
        <translation>Amazon Pay से पुष्टि हो रही है</translation>
    </message>
    <message>
        <source>Something went wrong in the app. The payment is being checked; do not charge the customer again until it is resolved.</source>
        <translation>ऐप में कुछ गड़बड़ हुई। भुगतान की जाँच हो रही है; जब तक यह तय न हो जाए, ग्राहक से दोबारा पैसे न लें।</translation>
    </message>
    <message>
        <source>The customer declined linking Amazon Pay. Nothing was charged.</source>
        <translation>ग्राहक ने Amazon Pay लिंक करने से मना कर दिया। कोई पैसा नहीं कटा।</translation>
    </message>
    <message>
        <source>The Amazon Pay consent timed out. Nothing was charged.</source>
        <translation>Amazon Pay की अनुमति का समय खत्म हो गया। कोई पैसा नहीं कटा।</translation>
    </message>
    <message>
        <source>Linking Amazon Pay was cancelled. Nothing was charged.</source>
        <translation>Amazon Pay लिंक करना रद्द किया गया। कोई पैसा नहीं कटा।</translation>
    </message>
    <message>
        <source>Amazon Pay was not linked.</source>
        <translation>Amazon Pay लिंक नहीं हुआ।</translation>
    </message>
    <message>
        <source>Something went wrong. Try again, or ask a manager.</source>
        <translation>कुछ गड़बड़ हुई। फिर से कोशिश करें, या मैनेजर से पूछें।</translation>
    </message>
</context>
<context>
    <name>Connection</name>
    <message>
        <source>Enter the merchant id first, then test again.</source>
        <translation>पहले मर्चेंट आईडी लिखें, फिर दोबारा टेस्ट करें।</translation>
    </message>
    <message>
        <source>Enter the API key first, then test again.</source>
        <translation>पहले API key लिखें, फिर दोबारा टेस्ट करें।</translation>
    </message>
    <message>
        <source>The embedded sandbox works; it needs no network or credentials.</source>
        <translation>बिल्ट-इन सैंडबॉक्स काम कर रहा है; इसे नेटवर्क या लॉगिन जानकारी की ज़रूरत नहीं है।</translation>
    </message>
    <message>
        <source>Check the settings: {problem}</source>
        <translation>सेटिंग्स जाँचें: {problem}</translation>
    </message>
    <message>
        <source>Connected to {gateway} as merchant {merchant_id}. Amazon Pay is enabled.</source>
        <translation>मर्चेंट {merchant_id} के रूप में {gateway} से जुड़ गए। Amazon Pay चालू है।</translation>
    </message>
    <message>
        <source>Connected to {gateway} as merchant {merchant_id}. But Amazon Pay is not among this merchant&apos;s payment methods: enable it on the Juspay dashboard before taking payments.</source>
        <translation>मर्चेंट {merchant_id} के रूप में {gateway} से जुड़ गए। लेकिन Amazon Pay इस मर्चेंट के भुगतान के तरीकों में नहीं है: भुगतान लेने से पहले इसे Juspay डैशबोर्ड पर चालू करें।</translation>
    </message>
    <message>
        <source>The gateway refused the credentials (access denied): the API key is wrong or revoked, or it does not belong to merchant {merchant_id}.</source>
        <translation>गेटवे ने लॉगिन जानकारी अस्वीकार कर दी (access denied): API key गलत है या रद्द हो चुकी है, या यह मर्चेंट {merchant_id} की नहीं है।</translation>
    </message>
    <message>
        <source>The gateway did not answer in time. Check the network connection (and any proxy or firewall), then test again.</source>
        <translation>गेटवे ने समय पर जवाब नहीं दिया। नेटवर्क कनेक्शन (और कोई प्रॉक्सी या फ़ायरवॉल) जाँचें, फिर दोबारा टेस्ट करें।</translation>
    </message>
    <message>
        <source>Cannot reach the gateway: no network connection, or the gateway address is wrong.</source>
        <translation>गेटवे से संपर्क नहीं हो पा रहा: नेटवर्क कनेक्शन नहीं है, या गेटवे का पता गलत है।</translation>
    </message>
    <message>
        <source>The gateway accepted the connection but did not answer in time. Try again; if it keeps happening, check the network or Juspay&apos;s status.</source>
        <translation>गेटवे ने कनेक्शन तो लिया, पर समय पर जवाब नहीं दिया। फिर से कोशिश करें; अगर ऐसा बार-बार हो, तो नेटवर्क या Juspay की स्थिति जाँचें।</translation>
    </message>
    <message>
        <source>The address answered with a web page, not the Juspay API. Check the gateway address (or a proxy or captive portal in between).</source>
        <translation>इस पते से Juspay API की जगह एक वेब पेज आया। गेटवे का पता जाँचें (या बीच में कोई प्रॉक्सी या कैप्टिव पोर्टल)।</translation>
    </message>
    <message>
        <source>The gateway does not know the merchant id {merchant_id}. Copy it again from the Juspay dashboard (it is case-sensitive), and check the mode: sandbox and production accounts differ.</source>
        <translation>गेटवे मर्चेंट आईडी {merchant_id} को नहीं पहचानता। इसे Juspay डैशबोर्ड से फिर से कॉपी करें (इसमें छोटे-बड़े अक्षरों से फ़र्क पड़ता है), और मोड जाँचें: सैंडबॉक्स और प्रोडक्शन खाते अलग होते हैं।</translation>
    </message>
    <message>
        <source>The gateway reported an error ({error}). Try again later.</source>
        <translation>गेटवे ने एक गड़बड़ी बताई ({error})। बाद में फिर से कोशिश करें।</translation>
    </message>
</context>
<context>
    <name>CustomerPanel</name>
    <message>
        <source>Customer</source>
        <translation>ग्राहक</translation>
    </message>
    <message>
        <source>Customer mobile number</source>
        <translation>ग्राहक का मोबाइल नंबर</translation>
    </message>
    <message>
        <source>Mobile number, 10 digits</source>
        <translation>मोबाइल नंबर, 10 अंक</translation>
    </message>
    <message>
        <source>Looking up…</source>
        <translation>खोज रहे हैं…</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>खोजें</translation>
    </message>
    <message>
        <source>Look up customer</source>
        <translation>ग्राहक खोजें</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>बदलें</translation>
    </message>
    <message>
        <source>Change customer</source>
        <translation>ग्राहक बदलें</translation>
    </message>
    <message>
        <source>Remove Amazon Pay link</source>
        <translation>Amazon Pay लिंक हटाएँ</translation>
    </message>
    <message>
        <source>Remove the link? The customer will have to allow Amazon Pay again next time.</source>
        <translation>लिंक हटाएँ? अगली बार ग्राहक को Amazon Pay की अनुमति फिर से देनी होगी।</translation>
    </message>
    <message>
        <source>Remove link</source>
        <translation>लिंक हटाएँ</translation>
    </message>
    <message>
        <source>Yes, remove the Amazon Pay link</source>
        <translation>हाँ, Amazon Pay लिंक हटाएँ</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>रहने दें</translation>
    </message>
    <message>
        <source>Keep the Amazon Pay link</source>
        <translation>Amazon Pay लिंक रहने दें</translation>
    </message>
    <message>
        <source>Press Enter to look up. F2 comes back here.</source>
        <translation>खोजने के लिए Enter दबाएँ। F2 से यहाँ वापस आएँ।</translation>
    </message>
    <message>
        <source>Looking up {number}…</source>
        <translation>{number} खोज रहे हैं…</translation>
    </message>
    <message>
        <source>Customer mobile {number}</source>
        <translation>ग्राहक का मोबाइल {number}</translation>
    </message>
    <message>
        <source>Removing the Amazon Pay link…</source>
        <translation>Amazon Pay लिंक हटा रहे हैं…</translation>
    </message>
    <message>
        <source>Amazon Pay linked</source>
        <translation>Amazon Pay लिंक है</translation>
    </message>
    <message>
        <source>Amazon Pay not linked yet</source>
        <translation>Amazon Pay अभी लिंक नहीं है</translation>
    </message>
</context>
<context>
    <name>DayView</name>
    <message>
        <source>Counting…</source>
        <translation>गिन रहे हैं…</translation>
    </message>
    <message>
        <source>Transactions of the day</source>
        <translation>दिन के लेन-देन</translation>
    </message>
    <message>
        <source>Could not compute the day&apos;s figures: {error}</source>
        <translation>दिन के आँकड़े नहीं निकल सके: {error}</translation>
    </message>
    <message>
        <source>1 transaction · {amount} · {day} (local time)</source>
        <translation>1 लेन-देन · {amount} · {day} (स्थानीय समय)</translation>
    </message>
    <message>
        <source>{count} transactions · {amount} · {day} (local time)</source>
        <translation>{count} लेन-देन · {amount} · {day} (स्थानीय समय)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>लोड हो रहा है…</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Time</source>
        <extracomment>The facts under the title, in English (keys) and said through &quot;DetailPane&quot;.</extracomment>
        <translation>समय</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>कैशियर</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>टर्मिनल</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>फ़ोन</translation>
    </message>
    <message>
        <source>Gateway status</source>
        <translation>गेटवे पर स्थिति</translation>
    </message>
    <message>
        <source>Txn id</source>
        <translation>लेन-देन आईडी</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>तरीका</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>रूट</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>गेटवे</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>गड़बड़ी</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>घटना</translation>
    </message>
    <message>
        <source>From → to</source>
        <translation>से → तक</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>विवरण</translation>
    </message>
    <message>
        <source>Payment attempts</source>
        <translation>भुगतान की कोशिशें</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>समय-क्रम</translation>
    </message>
    <message>
        <source>Re-check status</source>
        <translation>स्थिति फिर से जाँचें</translation>
    </message>
    <message>
        <source>Reprint receipt</source>
        <translation>रसीद फिर से प्रिंट करें</translation>
    </message>
    <message>
        <source>Refund…</source>
        <translation>रिफ़ंड…</translation>
    </message>
    <message>
        <source>Re-check the payment status</source>
        <translation>भुगतान की स्थिति फिर से जाँचें</translation>
    </message>
    <message>
        <source>Reprint the receipt</source>
        <translation>रसीद फिर से प्रिंट करें</translation>
    </message>
    <message>
        <source>Refund the payment</source>
        <translation>भुगतान का रिफ़ंड करें</translation>
    </message>
    <message>
        <source>Select a transaction to see its attempts and timeline.</source>
        <translation>कोशिशें और समय-क्रम देखने के लिए कोई लेन-देन चुनें।</translation>
    </message>
    <message>
        <source>No transaction selected</source>
        <translation>कोई लेन-देन नहीं चुना गया</translation>
    </message>
</context>
<context>
    <name>EReceiptDialog</name>
    <message>
        <source>E-receipt</source>
        <translation>ई-रसीद</translation>
    </message>
    <message>
        <source>Your receipt for {amount}</source>
        <translation>{amount} की आपकी रसीद</translation>
    </message>
    <message>
        <source>Scan with your phone camera to keep a copy of this receipt.</source>
        <translation>इस रसीद की कॉपी रखने के लिए अपने फ़ोन के कैमरे से स्कैन करें।</translation>
    </message>
    <message>
        <source>E-receipt QR code</source>
        <translation>ई-रसीद का QR कोड</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>हो गया</translation>
    </message>
    <message>
        <source>Close the e-receipt</source>
        <translation>ई-रसीद बंद करें</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Something went wrong inside pos_app. You can carry on; if it happens again, copy the details and send them to support.</source>
        <translation>pos_app के अंदर कुछ गड़बड़ हो गई। आप काम जारी रख सकते हैं; अगर फिर से हो, तो विवरण कॉपी करके सपोर्ट को भेजें।</translation>
    </message>
    <message>
        <source>pos_app — Unexpected error</source>
        <translation>pos_app — अनपेक्षित गड़बड़ी</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>विवरण छिपाएँ</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>विवरण दिखाएँ</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>कॉपी हो गया</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>विवरण कॉपी करें</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>बंद करें</translation>
    </message>
    <message>
        <source>Copy the details for support</source>
        <translation>सपोर्ट के लिए विवरण कॉपी करें</translation>
    </message>
    <message>
        <source>Details for support</source>
        <translation>सपोर्ट के लिए विवरण</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Search order id or last phone digits</source>
        <translation>ऑर्डर आईडी या फ़ोन के आखिरी अंक खोजें</translation>
    </message>
    <message>
        <source>Search transactions</source>
        <translation>लेन-देन खोजें</translation>
    </message>
    <message>
        <source>All flows</source>
        <translation>सभी तरीके</translation>
    </message>
    <message>
        <source>All routes</source>
        <translation>सभी रूट</translation>
    </message>
    <message>
        <source>All cashiers</source>
        <translation>सभी कैशियर</translation>
    </message>
    <message>
        <source>All terminals</source>
        <translation>सभी टर्मिनल</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>स्थिति से छाँटें</translation>
    </message>
    <message>
        <source>Filter by payment flow</source>
        <translation>भुगतान के तरीके से छाँटें</translation>
    </message>
    <message>
        <source>Filter by gateway route</source>
        <translation>गेटवे रूट से छाँटें</translation>
    </message>
    <message>
        <source>Filter by cashier</source>
        <translation>कैशियर से छाँटें</translation>
    </message>
    <message>
        <source>Filter by terminal</source>
        <translation>टर्मिनल से छाँटें</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>हटाएँ</translation>
    </message>
    <message>
        <source>Clear the filters</source>
        <translation>सभी छँटाई हटाएँ</translation>
    </message>
</context>
<context>
    <name>Gateway</name>
    <message>
        <source>The payment gateway reported an error.</source>
        <extracomment>Whether the request may have changed anything at the gateway.</extracomment>
        <translation>भुगतान गेटवे ने एक गड़बड़ी बताई।</translation>
    </message>
    <message>
        <source>The payment gateway rejected this terminal&apos;s credentials. Ask a manager to check the gateway settings.</source>
        <extracomment>Whether the error was read from a JSON error body (not a page or timeout).</extracomment>
        <translation>भुगतान गेटवे ने इस टर्मिनल की लॉगिन जानकारी अस्वीकार कर दी। मैनेजर से गेटवे की सेटिंग्स जाँचने को कहें।</translation>
    </message>
    <message>
        <source>The payment gateway refused the request.</source>
        <translation>भुगतान गेटवे ने अनुरोध अस्वीकार कर दिया।</translation>
    </message>
    <message>
        <source>The wallet session expired. Please try the payment again.</source>
        <translation>वॉलेट सेशन का समय खत्म हो गया। कृपया फिर से भुगतान करें।</translation>
    </message>
    <message>
        <source>This refund was already requested. Check the sale&apos;s refunds before trying again.</source>
        <translation>इस रिफ़ंड का अनुरोध पहले ही हो चुका है। फिर से कोशिश करने से पहले इस बिक्री के रिफ़ंड देखें।</translation>
    </message>
    <message>
        <source>The refund is more than the amount still refundable on this sale.</source>
        <translation>रिफ़ंड इस बिक्री पर बची रिफ़ंड हो सकने वाली राशि से अधिक है।</translation>
    </message>
    <message>
        <source>The payment gateway has no record of this.</source>
        <translation>भुगतान गेटवे के पास इसका कोई रिकॉर्ड नहीं है।</translation>
    </message>
    <message>
        <source>The payment gateway has no record of this order.</source>
        <translation>भुगतान गेटवे के पास इस ऑर्डर का कोई रिकॉर्ड नहीं है।</translation>
    </message>
    <message>
        <source>Cannot reach the payment gateway. Check the connection and try again.</source>
        <translation>भुगतान गेटवे से संपर्क नहीं हो पा रहा। कनेक्शन जाँचें और फिर से कोशिश करें।</translation>
    </message>
    <message>
        <source>The payment gateway did not answer in time.</source>
        <translation>भुगतान गेटवे ने समय पर जवाब नहीं दिया।</translation>
    </message>
    <message>
        <source>The payment gateway had a problem and could not answer.</source>
        <translation>भुगतान गेटवे में कोई समस्या आई और वह जवाब नहीं दे सका।</translation>
    </message>
    <message>
        <source>The connection to the payment gateway broke.</source>
        <translation>भुगतान गेटवे से कनेक्शन टूट गया।</translation>
    </message>
    <message>
        <source>The payment gateway sent a reply that could not be read.</source>
        <translation>भुगतान गेटवे का जवाब पढ़ा नहीं जा सका।</translation>
    </message>
</context>
<context>
    <name>HostedPageDialog</name>
    <message>
        <source>Link your Amazon Pay account</source>
        <translation>अपना Amazon Pay खाता लिंक करें</translation>
    </message>
    <message>
        <source>Sign in to Amazon Pay and allow this store to take payments from your balance.</source>
        <translation>Amazon Pay में साइन इन करें और इस दुकान को अपने बैलेंस से भुगतान लेने की अनुमति दें।</translation>
    </message>
    <message>
        <source>Pay the rest with card, UPI or net banking</source>
        <translation>बाकी राशि कार्ड, UPI या नेट बैंकिंग से दें</translation>
    </message>
    <message>
        <source>Your Amazon Pay balance does not cover the whole sale. Pay the remaining amount on this Amazon Pay page.</source>
        <translation>आपका Amazon Pay बैलेंस पूरी बिक्री के लिए काफ़ी नहीं है। बाकी राशि इस Amazon Pay पेज पर दें।</translation>
    </message>
    <message>
        <source>Amazon Pay — enter your OTP</source>
        <translation>Amazon Pay — अपना OTP डालें</translation>
    </message>
    <message>
        <source>Amazon Pay has sent a one-time password to your phone. Enter it on this page to approve the payment.</source>
        <translation>Amazon Pay ने आपके फ़ोन पर OTP भेजा है। भुगतान मंज़ूर करने के लिए इसे इस पेज पर डालें।</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>बंद करें</translation>
    </message>
    <message>
        <source>Close this page</source>
        <translation>यह पेज बंद करें</translation>
    </message>
    <message>
        <source>Page loading</source>
        <translation>पेज खुल रहा है</translation>
    </message>
    <message>
        <source>That link leads outside the payment page, so it was not opened.</source>
        <translation>वह लिंक भुगतान पेज से बाहर ले जाता है, इसलिए उसे नहीं खोला गया।</translation>
    </message>
    <message>
        <source>{host} — not encrypted</source>
        <translation>{host} — सुरक्षित (एन्क्रिप्टेड) नहीं</translation>
    </message>
    <message>
        <source>Page from {host}</source>
        <translation>{host} का पेज</translation>
    </message>
    <message>
        <source>Page from {host}, not encrypted</source>
        <translation>{host} का पेज, सुरक्षित (एन्क्रिप्टेड) नहीं</translation>
    </message>
</context>
<context>
    <name>HostedPages</name>
    <message>
        <source>Amazon Pay via {gateway}: enter the OTP sent to your phone.</source>
        <translation>{gateway} के ज़रिए Amazon Pay: अपने फ़ोन पर आया OTP डालें।</translation>
    </message>
    <message>
        <source>Your Amazon Pay balance covers {covered}. Pay the remaining {remaining} by card, UPI or net banking.</source>
        <translation>आपके Amazon Pay बैलेंस से {covered} का भुगतान होगा। बाकी {remaining} कार्ड, UPI या नेट बैंकिंग से दें।</translation>
    </message>
    <message>
        <source>Your Amazon Pay balance does not cover the whole sale. Pay the rest by card, UPI or net banking.</source>
        <translation>आपका Amazon Pay बैलेंस पूरी बिक्री के लिए काफ़ी नहीं है। बाकी राशि कार्ड, UPI या नेट बैंकिंग से दें।</translation>
    </message>
    <message>
        <source>Amazon Pay via {gateway}</source>
        <translation>{gateway} के ज़रिए Amazon Pay</translation>
    </message>
    <message>
        <source>The customer pays the rest</source>
        <translation>ग्राहक बाकी राशि दे रहे हैं</translation>
    </message>
</context>
<context>
    <name>HourlyChart</name>
    <message>
        <source>Paid value (₹)</source>
        <translation>भुगतान हुई राशि (₹)</translation>
    </message>
    <message>
        <source>Paid value by hour (₹)</source>
        <translation>हर घंटे भुगतान हुई राशि (₹)</translation>
    </message>
    <message>
        <source>Paid value by day (₹)</source>
        <translation>हर दिन भुगतान हुई राशि (₹)</translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message>
        <source>Still there?</source>
        <translation>क्या आप अभी भी यहाँ हैं?</translation>
    </message>
    <message>
        <source>If nobody touches the screen, your items and number are cleared so the next customer starts fresh.</source>
        <translation>अगर कोई स्क्रीन को नहीं छूता, तो आपका सामान और नंबर मिटा दिए जाएँगे, ताकि अगला ग्राहक नए सिरे से शुरू करे।</translation>
    </message>
    <message>
        <source>I&apos;m still here</source>
        <translation>मैं यहीं हूँ</translation>
    </message>
    <message>
        <source>Resetting in {seconds} s</source>
        <translation>{seconds} सेकंड में सब मिट जाएगा</translation>
    </message>
    <message>
        <source>Still there? Resetting in {seconds} seconds</source>
        <translation>क्या आप अभी भी यहाँ हैं? {seconds} सेकंड में सब मिट जाएगा</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>Clear</source>
        <translation>सब मिटाएँ</translation>
    </message>
    <message>
        <source>⌫ Delete</source>
        <translation>⌫ मिटाएँ</translation>
    </message>
    <message>
        <source>Clear all digits</source>
        <translation>सारे अंक मिटाएँ</translation>
    </message>
    <message>
        <source>Delete the last digit</source>
        <translation>आख़िरी अंक मिटाएँ</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Pay the rest on this Amazon Pay page</source>
        <extracomment>Where the customer may change the language (no money can move yet).</extracomment>
        <translation>बाकी राशि इस Amazon Pay पेज पर चुकाएँ</translation>
    </message>
    <message>
        <source>Enter the OTP sent to your phone</source>
        <translation>अपने फ़ोन पर आया OTP डालें</translation>
    </message>
    <message>
        <source>Finish on the Amazon Pay page</source>
        <translation>Amazon Pay पेज पर भुगतान पूरा करें</translation>
    </message>
    <message>
        <source>Sign in to Amazon and tap Allow</source>
        <translation>Amazon में साइन इन करें और “Allow” पर टैप करें</translation>
    </message>
    <message>
        <source>One moment, please.</source>
        <translation>कृपया एक पल रुकें।</translation>
    </message>
    <message>
        <source>Checking with Amazon Pay…</source>
        <translation>Amazon Pay से जाँच रहे हैं…</translation>
    </message>
    <message>
        <source>A payment is in progress. Try again when it has finished.</source>
        <translation>एक भुगतान चल रहा है। उसके पूरा होने पर फिर से कोशिश करें।</translation>
    </message>
    <message>
        <source>Self-checkout</source>
        <translation>सेल्फ़-चेकआउट</translation>
    </message>
    <message>
        <source>Call staff</source>
        <translation>स्टाफ़ को बुलाएँ</translation>
    </message>
    <message>
        <source>Call a member of staff for help</source>
        <translation>मदद के लिए स्टाफ़ को बुलाएँ</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>स्टाफ़</translation>
    </message>
    <message>
        <source>Staff only: close self-checkout</source>
        <translation>सिर्फ़ स्टाफ़ के लिए: सेल्फ़-चेकआउट बंद करें</translation>
    </message>
    <message>
        <source>This links Amazon Pay to this store once. Then we take {amount} from your Amazon Pay balance.</source>
        <translation>इससे Amazon Pay एक बार इस दुकान से लिंक हो जाता है। फिर हम आपके Amazon Pay बैलेंस से {amount} लेंगे।</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>You do this only once: it links Amazon Pay to this store.</source>
        <translation>यह सिर्फ़ एक बार करना होता है: इससे Amazon Pay इस दुकान से लिंक हो जाता है।</translation>
    </message>
    <message>
        <source>Linked — paying from your balance…</source>
        <translation>लिंक हो गया — आपके बैलेंस से भुगतान हो रहा है…</translation>
    </message>
    <message>
        <source>Close this page</source>
        <translation>यह पेज बंद करें</translation>
    </message>
    <message>
        <source>Linked. Paying from your balance…</source>
        <translation>लिंक हो गया। आपके बैलेंस से भुगतान हो रहा है…</translation>
    </message>
    <message>
        <source>Self-checkout is still starting. Please try again in a moment.</source>
        <translation>सेल्फ़-चेकआउट अभी शुरू हो रहा है। कृपया थोड़ी देर में फिर से कोशिश करें।</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>रद्द कर रहे हैं…</translation>
    </message>
    <message>
        <source>Checking your answer with Amazon…</source>
        <translation>Amazon से आपका जवाब जाँच रहे हैं…</translation>
    </message>
    <message>
        <source>Confirming your payment.</source>
        <translation>आपके भुगतान की पुष्टि कर रहे हैं।</translation>
    </message>
    <message>
        <source>Confirming what was paid.</source>
        <translation>कितना भुगतान हुआ, इसकी पुष्टि कर रहे हैं।</translation>
    </message>
</context>
<context>
    <name>LanguageSwitch</name>
    <message>
        <source>Show the screens in English</source>
        <extracomment>What the buttons say, each in its own language (not translated on purpose).</extracomment>
        <translation>स्क्रीन अंग्रेज़ी में दिखाएँ</translation>
    </message>
    <message>
        <source>Show the screens in Hindi</source>
        <translation>स्क्रीन हिन्दी में दिखाएँ</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <source>Scan with your phone camera, sign in to Amazon and tap Allow</source>
        <translation>अपने फ़ोन के कैमरे से स्कैन करें, Amazon में साइन इन करें और अनुमति दें पर टैप करें</translation>
    </message>
    <message>
        <source>The customer did not allow it</source>
        <translation>ग्राहक ने अनुमति नहीं दी</translation>
    </message>
    <message>
        <source>The customer tapped Deny, so Amazon Pay was not linked. Nothing was charged.</source>
        <translation>ग्राहक ने मना करें पर टैप किया, इसलिए Amazon Pay लिंक नहीं हुआ। कोई पैसा नहीं कटा।</translation>
    </message>
    <message>
        <source>Time ran out</source>
        <translation>समय खत्म हो गया</translation>
    </message>
    <message>
        <source>The customer did not answer in time, so Amazon Pay was not linked. Nothing was charged.</source>
        <translation>ग्राहक ने समय पर जवाब नहीं दिया, इसलिए Amazon Pay लिंक नहीं हुआ। कोई पैसा नहीं कटा।</translation>
    </message>
    <message>
        <source>Linking cancelled</source>
        <translation>लिंक करना रद्द हुआ</translation>
    </message>
    <message>
        <source>Linking Amazon Pay was cancelled. Nothing was charged.</source>
        <translation>Amazon Pay लिंक करना रद्द किया गया। कोई पैसा नहीं कटा।</translation>
    </message>
    <message>
        <source>Linking could not start</source>
        <translation>लिंक करना शुरू नहीं हो सका</translation>
    </message>
    <message>
        <source>Amazon Pay linking could not start. Nothing was charged.</source>
        <translation>Amazon Pay लिंक करना शुरू नहीं हो सका। कोई पैसा नहीं कटा।</translation>
    </message>
    <message>
        <source>Link Amazon Pay and pay</source>
        <translation>Amazon Pay लिंक करें और भुगतान करें</translation>
    </message>
    <message>
        <source>Link Amazon Pay and pay {amount}</source>
        <translation>Amazon Pay लिंक करें और {amount} का भुगतान करें</translation>
    </message>
    <message>
        <source>First time paying with Amazon Pay here? Allow it once; after that the balance pays straight away.</source>
        <translation>यहाँ पहली बार Amazon Pay से भुगतान कर रहे हैं? एक बार अनुमति दें; उसके बाद भुगतान सीधे बैलेंस से होगा।</translation>
    </message>
    <message>
        <source>Scan with your phone</source>
        <translation>अपने फ़ोन से स्कैन करें</translation>
    </message>
    <message>
        <source>On this screen</source>
        <translation>इसी स्क्रीन पर</translation>
    </message>
    <message>
        <source>The customer uses their own phone</source>
        <translation>ग्राहक अपने फ़ोन का इस्तेमाल करते हैं</translation>
    </message>
    <message>
        <source>The customer signs in on this screen</source>
        <translation>ग्राहक इसी स्क्रीन पर साइन इन करते हैं</translation>
    </message>
    <message>
        <source>Preparing the code…</source>
        <translation>कोड तैयार हो रहा है…</translation>
    </message>
    <message>
        <source>Amazon account with mobile {number}</source>
        <translation>मोबाइल {number} वाला Amazon खाता</translation>
    </message>
    <message>
        <source>Then this is paid from the Amazon Pay balance:</source>
        <translation>फिर इतना Amazon Pay बैलेंस से कटेगा:</translation>
    </message>
    <message>
        <source>No phone camera? Choose “On this screen” above.</source>
        <translation>फ़ोन में कैमरा नहीं है? ऊपर “इसी स्क्रीन पर” चुनें।</translation>
    </message>
    <message>
        <source>Sign in to Amazon on this screen and tap Allow. Only Amazon Pay&apos;s own pages open here.</source>
        <translation>इसी स्क्रीन पर Amazon में साइन इन करें और अनुमति दें पर टैप करें। यहाँ सिर्फ़ Amazon Pay के अपने पेज खुलते हैं।</translation>
    </message>
    <message>
        <source>Opening the Amazon page…</source>
        <translation>Amazon का पेज खुल रहा है…</translation>
    </message>
    <message>
        <source>Waiting for the customer</source>
        <translation>ग्राहक का इंतज़ार है</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>Cancel linking Amazon Pay</source>
        <translation>Amazon Pay लिंक करना रद्द करें</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>फिर से कोशिश करें</translation>
    </message>
    <message>
        <source>Try linking Amazon Pay again</source>
        <translation>Amazon Pay फिर से लिंक करने की कोशिश करें</translation>
    </message>
    <message>
        <source>Choose another method</source>
        <translation>दूसरा तरीका चुनें</translation>
    </message>
    <message>
        <source>Choose another payment method</source>
        <translation>भुगतान का दूसरा तरीका चुनें</translation>
    </message>
    <message>
        <source>That link leads outside Amazon Pay, so it was not opened. The customer can carry on on this page.</source>
        <translation>वह लिंक Amazon Pay से बाहर ले जाता है, इसलिए उसे नहीं खोला गया। ग्राहक इसी पेज पर आगे बढ़ सकते हैं।</translation>
    </message>
    <message>
        <source>Amazon Pay linked</source>
        <translation>Amazon Pay लिंक हो गया</translation>
    </message>
    <message>
        <source>Linked — charging {amount}</source>
        <translation>लिंक हो गया — {amount} काटे जा रहे हैं</translation>
    </message>
    <message>
        <source>Amazon Pay balance {amount}. Please wait while it is charged.</source>
        <translation>Amazon Pay बैलेंस {amount}। कृपया भुगतान होने तक इंतज़ार करें।</translation>
    </message>
    <message>
        <source>Please wait while the balance is charged.</source>
        <translation>कृपया बैलेंस से भुगतान होने तक इंतज़ार करें।</translation>
    </message>
    <message>
        <source>The checkout is busy. Try again in a moment.</source>
        <translation>चेकआउट अभी व्यस्त है। थोड़ी देर में फिर से कोशिश करें।</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>रद्द कर रहे हैं…</translation>
    </message>
    <message>
        <source>Asking Amazon Pay for a link request…</source>
        <translation>Amazon Pay से लिंक का अनुरोध माँग रहे हैं…</translation>
    </message>
    <message>
        <source>Waiting for the customer to tap Allow…</source>
        <translation>ग्राहक के अनुमति दें पर टैप करने का इंतज़ार है…</translation>
    </message>
    <message>
        <source>Charging {amount} from the balance…</source>
        <translation>बैलेंस से {amount} काटे जा रहे हैं…</translation>
    </message>
    <message>
        <source>The consent page is not on Amazon Pay.</source>
        <translation>अनुमति वाला पेज Amazon Pay का नहीं है।</translation>
    </message>
    <message>
        <source>Time is up. Checking for an answer…</source>
        <translation>समय पूरा हुआ। जवाब की जाँच हो रही है…</translation>
    </message>
    <message>
        <source>This code expires in {time}</source>
        <translation>यह कोड {time} में खत्म होगा</translation>
    </message>
    <message>
        <source>This request expires in {time}</source>
        <translation>यह अनुरोध {time} में खत्म होगा</translation>
    </message>
    <message>
        <source>Checking the answer with Amazon Pay…</source>
        <translation>Amazon Pay से जवाब की जाँच हो रही है…</translation>
    </message>
</context>
<context>
    <name>Linking</name>
    <message>
        <source>An earlier try for this sale is still being checked.</source>
        <translation>इस बिक्री की पिछली कोशिश की अभी जाँच हो रही है।</translation>
    </message>
    <message>
        <source>Asking Amazon Pay for consent</source>
        <translation>Amazon Pay से अनुमति माँग रहे हैं</translation>
    </message>
    <message>
        <source>Amazon Pay linking could not start.</source>
        <translation>Amazon Pay लिंक करना शुरू नहीं हो सका।</translation>
    </message>
    <message>
        <source>Amazon Pay did not open a wallet.</source>
        <translation>Amazon Pay ने वॉलेट नहीं खोला।</translation>
    </message>
    <message>
        <source>This gateway offers no consent page for linking. Use another method.</source>
        <translation>यह गेटवे लिंक करने के लिए अनुमति का पेज नहीं देता। भुगतान का कोई और तरीका चुनें।</translation>
    </message>
    <message>
        <source>The Amazon Pay wallet was not linked.</source>
        <translation>Amazon Pay वॉलेट लिंक नहीं हुआ।</translation>
    </message>
    <message>
        <source>This sale was cancelled.</source>
        <translation>यह बिक्री रद्द कर दी गई।</translation>
    </message>
    <message>
        <source>This Link and Pay session was cancelled.</source>
        <translation>लिंक करके भुगतान का यह सेशन रद्द कर दिया गया।</translation>
    </message>
</context>
<context>
    <name>LogView</name>
    <message>
        <source>Debug</source>
        <extracomment>The level filter&apos;s choices, lowest first (English; shown through &quot;LogView&quot;).</extracomment>
        <translation>डीबग</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>जानकारी</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>चेतावनियाँ</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>गड़बड़ियाँ</translation>
    </message>
    <message>
        <source>pos_app — Support log</source>
        <translation>pos_app — सपोर्ट लॉग</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>दिखाएँ</translation>
    </message>
    <message>
        <source>Show messages from level</source>
        <translation>इस स्तर से संदेश दिखाएँ</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>कॉपी करें</translation>
    </message>
    <message>
        <source>Copy the lines shown to the clipboard</source>
        <translation>दिख रही पंक्तियाँ क्लिपबोर्ड पर कॉपी करें</translation>
    </message>
    <message>
        <source>Copy the lines shown</source>
        <translation>दिख रही पंक्तियाँ कॉपी करें</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>साफ़ करें</translation>
    </message>
    <message>
        <source>Clear the log lines</source>
        <translation>लॉग की पंक्तियाँ साफ़ करें</translation>
    </message>
    <message>
        <source>Log messages</source>
        <translation>लॉग संदेश</translation>
    </message>
    <message>
        <source>1 line</source>
        <translation>1 पंक्ति</translation>
    </message>
    <message>
        <source>{count} lines</source>
        <translation>{count} पंक्तियाँ</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>pos_app — Counter</source>
        <translation>pos_app — काउंटर</translation>
    </message>
    <message>
        <source>The payment gateway is still connecting. Try again in a moment.</source>
        <translation>भुगतान गेटवे से अभी कनेक्शन हो रहा है। थोड़ी देर में फिर से कोशिश करें।</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>काम चल रहा है…</translation>
    </message>
    <message>
        <source>Payments being checked</source>
        <translation>जिन भुगतानों की जाँच हो रही है</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>भुगतान करें</translation>
    </message>
    <message>
        <source>Customer mobile number</source>
        <translation>ग्राहक का मोबाइल नंबर</translation>
    </message>
    <message>
        <source>New sale</source>
        <translation>नई बिक्री</translation>
    </message>
    <message>
        <source>Type the quantity of the selected line</source>
        <translation>चुनी हुई लाइन की मात्रा लिखें</translation>
    </message>
    <message>
        <source>Reaching {gateway}…</source>
        <translation>{gateway} से जुड़ रहे हैं…</translation>
    </message>
    <message>
        <source>{gateway}: connected</source>
        <translation>{gateway}: जुड़ा है</translation>
    </message>
    <message>
        <source>{gateway}: not reachable</source>
        <translation>{gateway}: संपर्क नहीं हो रहा</translation>
    </message>
    <message>
        <source>Connecting to payment gateway…</source>
        <translation>भुगतान गेटवे से जुड़ रहे हैं…</translation>
    </message>
    <message>
        <source>⟳  1 payment being checked</source>
        <translation>⟳  1 भुगतान की जाँच हो रही है</translation>
    </message>
    <message>
        <source>⟳  {count} payments being checked</source>
        <translation>⟳  {count} भुगतानों की जाँच हो रही है</translation>
    </message>
    <message>
        <source>Their outcome is not known yet. They are checked with the gateway every minute; do not charge these customers again until they are resolved.</source>
        <translation>इनका नतीजा अभी पता नहीं है। गेटवे से हर मिनट इनकी जाँच होती है; जब तक ये तय न हो जाएँ, इन ग्राहकों से दोबारा पैसे न लें।</translation>
    </message>
    <message>
        <source>Paying with Amazon Pay via {gateway}…</source>
        <translation>{gateway} के ज़रिए Amazon Pay से भुगतान हो रहा है…</translation>
    </message>
    <message>
        <source>Paying…</source>
        <translation>भुगतान हो रहा है…</translation>
    </message>
    <message>
        <source>Waiting for the OTP on the Amazon Pay page</source>
        <translation>Amazon Pay पेज पर OTP का इंतज़ार है</translation>
    </message>
    <message>
        <source>The customer is paying on the Amazon Pay page</source>
        <translation>ग्राहक Amazon Pay पेज पर भुगतान कर रहे हैं</translation>
    </message>
    <message>
        <source>Confirming with Amazon Pay…</source>
        <translation>Amazon Pay से पुष्टि हो रही है…</translation>
    </message>
    <message>
        <source>The e-receipt is not available here.</source>
        <translation>यहाँ ई-रसीद उपलब्ध नहीं है।</translation>
    </message>
    <message>
        <source>No product with barcode {code}.</source>
        <translation>बारकोड {code} वाला कोई प्रोडक्ट नहीं है।</translation>
    </message>
</context>
<context>
    <name>ManagerArea</name>
    <message>
        <source>{action} is not available in this build.</source>
        <translation>{action}: यह सुविधा इस वर्ज़न में नहीं है।</translation>
    </message>
    <message>
        <source>Re-check status</source>
        <translation>स्थिति फिर से जाँचें</translation>
    </message>
    <message>
        <source>Reprint receipt</source>
        <translation>रसीद फिर से प्रिंट करें</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>रिफ़ंड</translation>
    </message>
    <message>
        <source>Manager area — day review</source>
        <translation>मैनेजर सेक्शन — दिन की समीक्षा</translation>
    </message>
    <message>
        <source>Manager · Day review</source>
        <translation>मैनेजर · दिन की समीक्षा</translation>
    </message>
    <message>
        <source>Day to review</source>
        <translation>समीक्षा का दिन</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>आज</translation>
    </message>
    <message>
        <source>Show today</source>
        <translation>आज का दिन दिखाएँ</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV निकालें</translation>
    </message>
    <message>
        <source>Export the rows shown as CSV</source>
        <translation>दिख रही पंक्तियाँ CSV में निकालें</translation>
    </message>
    <message>
        <source>End-of-day PDF</source>
        <translation>दिन के अंत की PDF</translation>
    </message>
    <message>
        <source>Save the end-of-day PDF report</source>
        <translation>दिन के अंत की PDF रिपोर्ट सेव करें</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>लॉक करें</translation>
    </message>
    <message>
        <source>Lock the manager area</source>
        <translation>मैनेजर सेक्शन लॉक करें</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>लेन-देन</translation>
    </message>
    <message>
        <source>Analytics</source>
        <translation>विश्लेषण</translation>
    </message>
    <message>
        <source>Manager views</source>
        <translation>मैनेजर के पन्ने</translation>
    </message>
    <message>
        <source>Exported {count} rows to {name}</source>
        <translation>{count} पंक्तियाँ {name} में निकाली गईं</translation>
    </message>
    <message>
        <source>Exported 1 row to {name}</source>
        <translation>1 पंक्ति {name} में निकाली गई</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>निकाल रहे हैं…</translation>
    </message>
    <message>
        <source>Saved the end-of-day report to {name}</source>
        <translation>दिन के अंत की रिपोर्ट {name} में सेव हो गई</translation>
    </message>
    <message>
        <source>Preparing the end-of-day report…</source>
        <translation>दिन के अंत की रिपोर्ट बन रही है…</translation>
    </message>
    <message>
        <source>Could not export: {error}</source>
        <translation>निकाला नहीं जा सका: {error}</translation>
    </message>
    <message>
        <source>Save CSV file</source>
        <translation>CSV फ़ाइल सेव करें</translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation>CSV फ़ाइल</translation>
    </message>
    <message>
        <source>Save PDF report</source>
        <translation>PDF रिपोर्ट सेव करें</translation>
    </message>
    <message>
        <source>PDF report</source>
        <translation>PDF रिपोर्ट</translation>
    </message>
    <message>
        <source>Refund the payment of order {order}?</source>
        <translation>ऑर्डर {order} के भुगतान का रिफ़ंड करें?</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>Refund the payment</source>
        <translation>भुगतान का रिफ़ंड करें</translation>
    </message>
</context>
<context>
    <name>ManagerLabels</name>
    <message>
        <source>Direct debit</source>
        <translation>सीधा डेबिट</translation>
    </message>
    <message>
        <source>Link and pay</source>
        <translation>लिंक करके भुगतान</translation>
    </message>
    <message>
        <source>CCT top-up</source>
        <translation>CCT टॉप-अप</translation>
    </message>
    <message>
        <source>OTP redirect</source>
        <translation>OTP रीडायरेक्ट</translation>
    </message>
    <message>
        <source>No attempt</source>
        <translation>कोई कोशिश नहीं</translation>
    </message>
    <message>
        <source>All statuses</source>
        <extracomment>(filter value, label) for the status filter; &quot;&quot; means any.</extracomment>
        <translation>सभी स्थितियाँ</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>भुगतान हो गया</translation>
    </message>
    <message>
        <source>Unresolved</source>
        <translation>अनसुलझा</translation>
    </message>
    <message>
        <source>Not paid (open)</source>
        <translation>भुगतान नहीं हुआ (खुली)</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>रद्द</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>खुली</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>जारी है</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>विफल</translation>
    </message>
    <message>
        <source>Not paid</source>
        <translation>भुगतान नहीं हुआ</translation>
    </message>
</context>
<context>
    <name>ManagerMenu</name>
    <message>
        <source>The checkout is still connecting. Try again in a moment.</source>
        <translation>चेकआउट अभी कनेक्ट हो रहा है। थोड़ी देर में फिर से कोशिश करें।</translation>
    </message>
    <message>
        <source>A payment is in progress. Change the settings when it has finished.</source>
        <translation>एक भुगतान चल रहा है। उसके पूरा होने के बाद सेटिंग्स बदलें।</translation>
    </message>
    <message>
        <source>&amp;Manager</source>
        <translation>मैनेजर (&amp;M)</translation>
    </message>
    <message>
        <source>Day review…</source>
        <translation>दिन की समीक्षा…</translation>
    </message>
    <message>
        <source>Gateway settings…</source>
        <translation>गेटवे सेटिंग्स…</translation>
    </message>
    <message>
        <source>Support log</source>
        <translation>सपोर्ट लॉग</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>मैनेजर</translation>
    </message>
</context>
<context>
    <name>MethodCard</name>
    <message>
        <source>Pays straight from the balance</source>
        <translation>सीधे बैलेंस से भुगतान</translation>
    </message>
    <message>
        <source>Amazon Pay — OTP on your phone</source>
        <translation>Amazon Pay — आपके फ़ोन पर OTP</translation>
    </message>
    <message>
        <source>Not linked yet. Press Link and Pay: the customer allows it once, then pays.</source>
        <translation>अभी लिंक नहीं है। लिंक करें और भुगतान करें दबाएँ: ग्राहक एक बार अनुमति देते हैं, फिर भुगतान करते हैं।</translation>
    </message>
    <message>
        <source>Also enabled for this merchant, taken on the card machine:</source>
        <translation>इस दुकान के लिए ये भी चालू हैं, कार्ड मशीन पर लिए जाते हैं:</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>कार्ड</translation>
    </message>
    <message>
        <source>Net banking</source>
        <translation>नेट बैंकिंग</translation>
    </message>
    <message>
        <source>updated just now</source>
        <extracomment>Between groups: the dot stays with the word before it at a line break.</extracomment>
        <translation>अभी अपडेट हुआ</translation>
    </message>
    <message>
        <source>updated {minutes} min ago</source>
        <translation>{minutes} मिनट पहले अपडेट हुआ</translation>
    </message>
    <message>
        <source>updated at {time}</source>
        <translation>{time} बजे अपडेट हुआ</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>उपलब्ध नहीं</translation>
    </message>
    <message>
        <source>Amazon Pay via {gateway} — OTP on your phone</source>
        <translation>{gateway} के ज़रिए Amazon Pay — आपके फ़ोन पर OTP</translation>
    </message>
    <message>
        <source>Balance covers {amount} — the rest by card, UPI or net banking on the next page</source>
        <translation>बैलेंस से {amount} — बाकी अगले पेज पर कार्ड, UPI या नेट बैंकिंग से</translation>
    </message>
</context>
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
    <name>PayScreen</name>
    <message>
        <source>Not you? Change number</source>
        <translation>आप नहीं हैं? नंबर बदलें</translation>
    </message>
    <message>
        <source>Change the mobile number</source>
        <translation>मोबाइल नंबर बदलें</translation>
    </message>
    <message>
        <source>Pay with your Amazon Pay balance</source>
        <translation>अपने Amazon Pay बैलेंस से भुगतान करें</translation>
    </message>
    <message>
        <source>You will see the result on this screen in a few seconds.</source>
        <translation>कुछ ही सेकंड में नतीजा इसी स्क्रीन पर दिखेगा।</translation>
    </message>
    <message>
        <source>Link Amazon Pay to pay</source>
        <translation>भुगतान के लिए Amazon Pay लिंक करें</translation>
    </message>
    <message>
        <source>First time paying here with Amazon Pay? Allow it once on Amazon; after that your balance pays straight away. Choose how:</source>
        <translation>यहाँ पहली बार Amazon Pay से भुगतान कर रहे हैं? Amazon पर एक बार अनुमति दें; उसके बाद आपके बैलेंस से तुरंत भुगतान हो जाएगा। तरीका चुनें:</translation>
    </message>
    <message>
        <source>Scan a code with my phone
(uses your phone&apos;s camera)</source>
        <translation>अपने फ़ोन से कोड स्कैन करें
(आपके फ़ोन का कैमरा लगेगा)</translation>
    </message>
    <message>
        <source>Link Amazon Pay by scanning a code with my phone</source>
        <translation>अपने फ़ोन से कोड स्कैन करके Amazon Pay लिंक करें</translation>
    </message>
    <message>
        <source>Sign in on this screen
(type your Amazon password here)</source>
        <translation>इसी स्क्रीन पर साइन इन करें
(अपना Amazon पासवर्ड यहाँ लिखें)</translation>
    </message>
    <message>
        <source>Link Amazon Pay by signing in on this screen</source>
        <translation>इसी स्क्रीन पर साइन इन करके Amazon Pay लिंक करें</translation>
    </message>
    <message>
        <source>Amazon Pay is not available right now</source>
        <translation>Amazon Pay अभी उपलब्ध नहीं है</translation>
    </message>
    <message>
        <source>Nothing has been charged. Please tap “Call staff” and we will help you pay at the counter.</source>
        <translation>कोई पैसा नहीं कटा है। कृपया “स्टाफ़ को बुलाएँ” पर टैप करें, हम काउंटर पर भुगतान करने में आपकी मदद करेंगे।</translation>
    </message>
    <message>
        <source>Pay {amount}</source>
        <translation>{amount} का भुगतान करें</translation>
    </message>
    <message>
        <source>Amount to pay {amount}</source>
        <translation>भुगतान की राशि {amount}</translation>
    </message>
    <message>
        <source>Mobile number {phone}</source>
        <translation>मोबाइल नंबर {phone}</translation>
    </message>
    <message>
        <source>Your balance: {amount}</source>
        <translation>आपका बैलेंस: {amount}</translation>
    </message>
    <message>
        <source>Your balance covers {covered}. On the next screen you pay the remaining {remaining} by card, UPI or net banking.</source>
        <translation>आपके बैलेंस से {covered} का भुगतान होगा। बाकी {remaining} आप अगली स्क्रीन पर कार्ड, UPI या नेट बैंकिंग से चुकाएँ।</translation>
    </message>
    <message>
        <source>Pay {amount} with Amazon Pay balance</source>
        <translation>Amazon Pay बैलेंस से {amount} का भुगतान करें</translation>
    </message>
</context>
<context>
    <name>Payment</name>
    <message>
        <source>The order could not be created.</source>
        <extracomment>Gateways that carry Amazon Pay as a redirect payment with an OTP (reference 8.1).</extracomment>
        <translation>ऑर्डर नहीं बन सका।</translation>
    </message>
    <message>
        <source>Confirming with Amazon Pay</source>
        <translation>Amazon Pay से पुष्टि कर रहे हैं</translation>
    </message>
    <message>
        <source>We could not confirm this payment yet. It is being checked with Amazon Pay; do not charge the customer again until it is resolved.</source>
        <translation>इस भुगतान की पुष्टि अभी नहीं हो सकी। Amazon Pay से इसकी जाँच हो रही है; जब तक यह तय न हो जाए, ग्राहक से दोबारा पैसे न लें।</translation>
    </message>
    <message>
        <source>Creating the order</source>
        <translation>ऑर्डर बना रहे हैं</translation>
    </message>
    <message>
        <source>Checking Amazon Pay balance</source>
        <translation>Amazon Pay बैलेंस जाँच रहे हैं</translation>
    </message>
    <message>
        <source>Could not read the Amazon Pay balance.</source>
        <translation>Amazon Pay बैलेंस नहीं पढ़ा जा सका।</translation>
    </message>
    <message>
        <source>This customer&apos;s Amazon Pay wallet is not linked.</source>
        <translation>इस ग्राहक का Amazon Pay वॉलेट लिंक नहीं है।</translation>
    </message>
    <message>
        <source>Charging Amazon Pay balance</source>
        <translation>Amazon Pay बैलेंस से भुगतान ले रहे हैं</translation>
    </message>
    <message>
        <source>Amazon Pay refused the wallet token.</source>
        <translation>Amazon Pay ने वॉलेट टोकन अस्वीकार कर दिया।</translation>
    </message>
    <message>
        <source>Amazon Pay did not take the payment.</source>
        <translation>Amazon Pay ने भुगतान स्वीकार नहीं किया।</translation>
    </message>
    <message>
        <source>Opening Amazon Pay via {gateway}</source>
        <translation>{gateway} के ज़रिए Amazon Pay खोल रहे हैं</translation>
    </message>
    <message>
        <source>Amazon Pay could not be opened.</source>
        <translation>Amazon Pay नहीं खुल सका।</translation>
    </message>
    <message>
        <source>This payment was already recorded.</source>
        <translation>यह भुगतान पहले ही दर्ज हो चुका है।</translation>
    </message>
    <message>
        <source>The gateway reports a different amount. A manager must check this payment before the sale completes.</source>
        <translation>गेटवे अलग राशि बता रहा है। बिक्री पूरी होने से पहले मैनेजर को इस भुगतान की जाँच करनी होगी।</translation>
    </message>
    <message>
        <source>The order was not created at the gateway. Nothing was charged.</source>
        <translation>गेटवे पर ऑर्डर नहीं बना। कोई पैसा नहीं कटा।</translation>
    </message>
    <message>
        <source>Paid {amount} with {method}.</source>
        <translation>{method} से {amount} का भुगतान हो गया।</translation>
    </message>
    <message>
        <source>{headline} {reason} Nothing was charged.</source>
        <translation>{headline} {reason} कोई पैसा नहीं कटा।</translation>
    </message>
    <message>
        <source>The customer did not complete the payment on the Amazon Pay page. Nothing was charged.</source>
        <translation>ग्राहक ने Amazon Pay पेज पर भुगतान पूरा नहीं किया। कोई पैसा नहीं कटा।</translation>
    </message>
    <message>
        <source>Amazon Pay declined the payment. Nothing was charged. Try again or choose another method.</source>
        <translation>Amazon Pay ने भुगतान अस्वीकार कर दिया। कोई पैसा नहीं कटा। फिर से कोशिश करें या भुगतान का कोई और तरीका चुनें।</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>कार्ड</translation>
    </message>
    <message>
        <source>Net banking</source>
        <translation>नेट बैंकिंग</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>वॉलेट</translation>
    </message>
    <message>
        <source>Not taken at this terminal</source>
        <translation>इस टर्मिनल पर स्वीकार नहीं</translation>
    </message>
    <message>
        <source>Direct debit is not enabled for this merchant</source>
        <translation>इस मर्चेंट के लिए डायरेक्ट डेबिट चालू नहीं है</translation>
    </message>
    <message>
        <source>This payment is being checked with Amazon Pay.</source>
        <translation>Amazon Pay से इस भुगतान की जाँच हो रही है।</translation>
    </message>
    <message>
        <source>The cart is empty.</source>
        <translation>कार्ट खाली है।</translation>
    </message>
    <message>
        <source>{method} is not taken here.</source>
        <translation>यहाँ {method} स्वीकार नहीं किया जाता।</translation>
    </message>
    <message>
        <source>Saving the sale</source>
        <translation>बिक्री सेव कर रहे हैं</translation>
    </message>
    <message>
        <source>Amazon Pay balance</source>
        <translation>Amazon Pay बैलेंस</translation>
    </message>
    <message>
        <source>Amazon Pay (via {gateway})</source>
        <translation>Amazon Pay ({gateway} के ज़रिए)</translation>
    </message>
    <message>
        <source>An earlier try for this sale is still being checked. Do not charge again until it is resolved.</source>
        <translation>इस बिक्री की पिछली कोशिश की अभी जाँच हो रही है। जब तक यह तय न हो जाए, दोबारा पैसे न लें।</translation>
    </message>
</context>
<context>
    <name>PaymentPanel</name>
    <message>
        <source>Payment method</source>
        <translation>भुगतान का तरीका</translation>
    </message>
    <message>
        <source>Payment methods</source>
        <translation>भुगतान के तरीके</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>फिर से कोशिश करें</translation>
    </message>
    <message>
        <source>Load payment methods again</source>
        <translation>भुगतान के तरीके फिर से लोड करें</translation>
    </message>
    <message>
        <source>Loading payment methods…</source>
        <translation>भुगतान के तरीके लोड हो रहे हैं…</translation>
    </message>
    <message>
        <source>No payment methods are enabled.</source>
        <translation>भुगतान का कोई तरीका चालू नहीं है।</translation>
    </message>
    <message>
        <source>Payment in progress…</source>
        <translation>भुगतान हो रहा है…</translation>
    </message>
    <message>
        <source>Waiting for the payment gateway…</source>
        <translation>भुगतान गेटवे का इंतज़ार है…</translation>
    </message>
    <message>
        <source>Add items to the cart to start a sale.</source>
        <translation>बिक्री शुरू करने के लिए कार्ट में आइटम जोड़ें।</translation>
    </message>
    <message>
        <source>Looking up the customer…</source>
        <translation>ग्राहक को खोज रहे हैं…</translation>
    </message>
    <message>
        <source>Enter the customer&apos;s mobile number.</source>
        <translation>ग्राहक का मोबाइल नंबर डालें।</translation>
    </message>
    <message>
        <source>Choose Amazon Pay to take this payment.</source>
        <translation>यह भुगतान लेने के लिए Amazon Pay चुनें।</translation>
    </message>
    <message>
        <source>This customer has not linked Amazon Pay yet. Use Link and Pay.</source>
        <translation>इस ग्राहक ने अभी Amazon Pay लिंक नहीं किया है। लिंक करें और भुगतान करें का इस्तेमाल करें।</translation>
    </message>
    <message>
        <source>The Amazon Pay balance could not be read.</source>
        <translation>Amazon Pay बैलेंस पढ़ा नहीं जा सका।</translation>
    </message>
    <message>
        <source>Pay {amount}</source>
        <translation>{amount} का भुगतान करें</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>भुगतान करें</translation>
    </message>
    <message>
        <source>Press F12 or Ctrl+Enter to pay.</source>
        <translation>भुगतान के लिए F12 या Ctrl+Enter दबाएँ।</translation>
    </message>
    <message>
        <source>The balance is {amount} short of this sale. After Pay, the customer pays {amount} on the Amazon Pay page.</source>
        <translation>इस बिक्री के लिए बैलेंस में {amount} कम हैं। भुगतान करें दबाने के बाद ग्राहक {amount} Amazon Pay पेज पर देंगे।</translation>
    </message>
    <message>
        <source>Not available at this counter</source>
        <translation>इस काउंटर पर उपलब्ध नहीं</translation>
    </message>
    <message>
        <source>Enter the customer&apos;s mobile number</source>
        <translation>ग्राहक का मोबाइल नंबर डालें</translation>
    </message>
    <message>
        <source>Balance not available right now</source>
        <translation>बैलेंस अभी उपलब्ध नहीं है</translation>
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
<context>
    <name>PhoneScreen</name>
    <message>
        <source>Enter your mobile number</source>
        <translation>अपना मोबाइल नंबर डालें</translation>
    </message>
    <message>
        <source>Your mobile number</source>
        <translation>आपका मोबाइल नंबर</translation>
    </message>
    <message>
        <source>The number your Amazon account uses. We use it only to find your Amazon Pay and show just its last 4 digits.</source>
        <translation>वही नंबर जो आपके Amazon खाते में है। हम इसका इस्तेमाल सिर्फ़ आपका Amazon Pay ढूँढने के लिए करते हैं और इसके सिर्फ़ आख़िरी 4 अंक दिखाते हैं।</translation>
    </message>
    <message>
        <source>Mobile number typed so far</source>
        <translation>अब तक लिखा गया मोबाइल नंबर</translation>
    </message>
    <message>
        <source>Finding your Amazon Pay account…</source>
        <translation>आपका Amazon Pay खाता ढूँढ रहे हैं…</translation>
    </message>
    <message>
        <source>Finding your account</source>
        <translation>आपका खाता ढूँढ रहे हैं</translation>
    </message>
    <message>
        <source>Continue  →</source>
        <translation>आगे  →</translation>
    </message>
    <message>
        <source>Continue with this number</source>
        <translation>इस नंबर के साथ आगे बढ़ें</translation>
    </message>
    <message>
        <source>←  Back to basket</source>
        <translation>←  वापस सामान पर</translation>
    </message>
    <message>
        <source>Back to basket</source>
        <translation>वापस सामान पर</translation>
    </message>
    <message>
        <source>Type your mobile number first.</source>
        <translation>पहले अपना मोबाइल नंबर लिखें।</translation>
    </message>
    <message>
        <source>{problem}.</source>
        <translation>{problem}।</translation>
    </message>
    <message>
        <source>1 digit typed</source>
        <translation>1 अंक लिखा गया</translation>
    </message>
    <message>
        <source>{count} digits typed</source>
        <translation>{count} अंक लिखे गए</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Manager PIN</source>
        <translation>मैनेजर PIN</translation>
    </message>
    <message>
        <source>Enter the manager PIN to open the manager area.</source>
        <translation>मैनेजर सेक्शन खोलने के लिए मैनेजर PIN डालें।</translation>
    </message>
    <message>
        <source>Create a manager PIN</source>
        <translation>मैनेजर PIN बनाएँ</translation>
    </message>
    <message>
        <source>No manager PIN is set on this terminal yet. Choose 4 to 8 digits.</source>
        <translation>इस टर्मिनल पर अभी कोई मैनेजर PIN नहीं है। 4 से 8 अंक चुनें।</translation>
    </message>
    <message>
        <source>Confirm the new PIN</source>
        <translation>नया PIN पक्का करें</translation>
    </message>
    <message>
        <source>Type the same PIN again.</source>
        <translation>वही PIN दोबारा डालें।</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>खोलें</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>आगे</translation>
    </message>
    <message>
        <source>Save PIN</source>
        <translation>PIN सेव करें</translation>
    </message>
    <message>
        <source>Manager area</source>
        <translation>मैनेजर सेक्शन</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>Manager PIN, 4 to 8 digits</source>
        <translation>मैनेजर PIN, 4 से 8 अंक</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>मिटाएँ</translation>
    </message>
    <message>
        <source>Clear the PIN</source>
        <translation>PIN मिटाएँ</translation>
    </message>
    <message>
        <source>Delete the last digit</source>
        <translation>आखिरी अंक मिटाएँ</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in {seconds} s.</source>
        <translation>कई बार गलत PIN डाला गया। {seconds} सेकंड बाद फिर से कोशिश करें।</translation>
    </message>
    <message>
        <source>A manager PIN has 4 to 8 digits.</source>
        <translation>मैनेजर PIN में 4 से 8 अंक होते हैं।</translation>
    </message>
    <message>
        <source>The two PINs were different. Choose the PIN again.</source>
        <translation>दोनों PIN अलग थे। PIN फिर से चुनें।</translation>
    </message>
    <message>
        <source>Enter the PIN.</source>
        <translation>PIN डालें।</translation>
    </message>
    <message>
        <source>Wrong PIN. 1 try left before a lockout.</source>
        <translation>गलत PIN। लॉक होने से पहले 1 कोशिश बाकी है।</translation>
    </message>
    <message>
        <source>Wrong PIN. {count} tries left before a lockout.</source>
        <translation>गलत PIN। लॉक होने से पहले {count} कोशिशें बाकी हैं।</translation>
    </message>
</context>
<context>
    <name>ProductButton</name>
    <message>
        <source>Add {name}, {price}</source>
        <translation>{name} जोड़ें, {price}</translation>
    </message>
</context>
<context>
    <name>ProductTile</name>
    <message>
        <source>+ Add</source>
        <translation>+ जोड़ें</translation>
    </message>
    <message>
        <source>Add {name}, {price}</source>
        <translation>{name} जोड़ें, {price}</translation>
    </message>
</context>
<context>
    <name>ProgressScreen</name>
    <message>
        <source>Paying…</source>
        <extracomment>The progress screen&apos;s title while a payment runs (the window may say more).</extracomment>
        <translation>भुगतान हो रहा है…</translation>
    </message>
    <message>
        <source>Payment in progress</source>
        <extracomment>The side of the receipt QR code: easy for a phone at arm&apos;s length at 1280x800. What pos_app.receipts answers (built as Text, not marked again for lupdate): the kiosk tells a customer in its own words what these mean for them.</extracomment>
        <translation>भुगतान चल रहा है</translation>
    </message>
    <message>
        <source>Please wait here. This takes a few seconds — do not pay again.</source>
        <translation>कृपया यहीं रुकें। इसमें कुछ सेकंड लगते हैं — दोबारा भुगतान न करें।</translation>
    </message>
    <message>
        <source>Starting the payment…</source>
        <translation>भुगतान शुरू कर रहे हैं…</translation>
    </message>
</context>
<context>
    <name>ProgressView</name>
    <message>
        <source>Charging Amazon Pay balance…</source>
        <translation>Amazon Pay बैलेंस से भुगतान हो रहा है…</translation>
    </message>
    <message>
        <source>Starting the payment…</source>
        <translation>भुगतान शुरू हो रहा है…</translation>
    </message>
    <message>
        <source>Payment in progress</source>
        <extracomment>A text on this screen: as it is, or a callable that says it in the current language (asked again after a LanguageChange).</extracomment>
        <translation>भुगतान हो रहा है</translation>
    </message>
    <message>
        <source>Please wait. Do not close the app or charge the customer again.</source>
        <translation>कृपया इंतज़ार करें। ऐप बंद न करें और ग्राहक से दोबारा पैसे न लें।</translation>
    </message>
    <message>
        <source>Waiting for Amazon Pay to answer…</source>
        <translation>Amazon Pay के जवाब का इंतज़ार है…</translation>
    </message>
</context>
<context>
    <name>QrLinkScreen</name>
    <message>
        <source>Waiting for your answer on your phone…</source>
        <translation>आपके फ़ोन पर आपके जवाब का इंतज़ार है…</translation>
    </message>
    <message>
        <source>Code to scan with your phone</source>
        <translation>फ़ोन से स्कैन करने का कोड</translation>
    </message>
    <message>
        <source>Preparing your code…</source>
        <translation>आपका कोड तैयार हो रहा है…</translation>
    </message>
    <message>
        <source>Scan this code with your phone camera</source>
        <translation>यह कोड अपने फ़ोन के कैमरे से स्कैन करें</translation>
    </message>
    <message>
        <source>No camera? Sign in on this screen</source>
        <translation>कैमरा नहीं है? इसी स्क्रीन पर साइन इन करें</translation>
    </message>
    <message>
        <source>Sign in on this screen instead</source>
        <translation>इसके बजाय इसी स्क्रीन पर साइन इन करें</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>Cancel linking Amazon Pay</source>
        <translation>Amazon Pay लिंक करना रद्द करें</translation>
    </message>
    <message>
        <source>1.  Open the camera on your phone and point it at the code.
2.  Open the link, sign in to Amazon and tap Allow.
3.  We then take {amount} from your Amazon Pay balance.</source>
        <translation>1.  अपने फ़ोन का कैमरा खोलें और उसे इस कोड की ओर रखें।
2.  लिंक खोलें, Amazon में साइन इन करें और “Allow” पर टैप करें।
3.  फिर हम आपके Amazon Pay बैलेंस से {amount} लेंगे।</translation>
    </message>
    <message>
        <source>This code works for {time} more</source>
        <translation>यह कोड अभी {time} मिनट और काम करेगा</translation>
    </message>
    <message>
        <source>Time is up. Checking for your answer…</source>
        <translation>समय खत्म हो गया। आपका जवाब जाँच रहे हैं…</translation>
    </message>
</context>
<context>
    <name>QrWidget</name>
    <message>
        <source>QR code</source>
        <translation>QR कोड</translation>
    </message>
    <message>
        <source>Scan with a phone camera to open the page on {host}.</source>
        <translation>{host} पर पेज खोलने के लिए फ़ोन के कैमरे से स्कैन करें।</translation>
    </message>
    <message>
        <source>Scan with a phone camera to open the page.</source>
        <translation>पेज खोलने के लिए फ़ोन के कैमरे से स्कैन करें।</translation>
    </message>
</context>
<context>
    <name>Receipts</name>
    <message>
        <source>USB receipt printers need the pyusb package on this terminal.</source>
        <extracomment>Thermal printers&apos; code pages have no rupee sign (python-escpos would print &quot;?&quot;).</extracomment>
        <translation>USB रसीद प्रिंटर के लिए इस टर्मिनल पर pyusb पैकेज चाहिए।</translation>
    </message>
    <message>
        <source>No receipt printer is set up.</source>
        <translation>कोई रसीद प्रिंटर सेट नहीं है।</translation>
    </message>
    <message>
        <source>The receipt printer setting {spec} is not understood; use file:/path, network:host:port, usb:vendor:product or dummy.</source>
        <translation>रसीद प्रिंटर की सेटिंग {spec} समझ में नहीं आई; file:/path, network:host:port, usb:vendor:product या dummy लिखें।</translation>
    </message>
    <message>
        <source>The sale is paid and saved. {problem} Show the e-receipt QR instead.</source>
        <translation>बिक्री का भुगतान हो गया है और यह सेव है। {problem} इसकी जगह ई-रसीद का QR दिखाएँ।</translation>
    </message>
    <message>
        <source>The sale is paid and saved. {problem} Reprint it from the manager area.</source>
        <translation>बिक्री का भुगतान हो गया है और यह सेव है। {problem} मैनेजर सेक्शन से रसीद दोबारा प्रिंट करें।</translation>
    </message>
    <message>
        <source>Receipt printed.</source>
        <translation>रसीद प्रिंट हो गई।</translation>
    </message>
    <message>
        <source>The receipt printer is offline (cover open or an error light). Fix it, then reprint.</source>
        <translation>रसीद प्रिंटर ऑफ़लाइन है (कवर खुला है या एरर लाइट जल रही है)। इसे ठीक करें, फिर दोबारा प्रिंट करें।</translation>
    </message>
    <message>
        <source>The receipt printer is out of paper. Load a new roll.</source>
        <translation>रसीद प्रिंटर में कागज़ खत्म हो गया है। नया रोल लगाएँ।</translation>
    </message>
    <message>
        <source>The receipt printer cannot be reached. Check that it is switched on and connected.</source>
        <translation>रसीद प्रिंटर से संपर्क नहीं हो पा रहा। देखें कि वह चालू है और जुड़ा हुआ है।</translation>
    </message>
    <message>
        <source>The receipt printer did not answer in time.</source>
        <translation>रसीद प्रिंटर ने समय पर जवाब नहीं दिया।</translation>
    </message>
    <message>
        <source>The connection to the receipt printer failed.</source>
        <translation>रसीद प्रिंटर से कनेक्शन नहीं हो सका।</translation>
    </message>
    <message>
        <source>The receipt file&apos;s disk is full.</source>
        <translation>रसीद फ़ाइल वाली डिस्क भर गई है।</translation>
    </message>
    <message>
        <source>The receipt printer reported an error ({error}).</source>
        <translation>रसीद प्रिंटर ने एक गड़बड़ी बताई ({error})।</translation>
    </message>
    <message>
        <source>The receipt could not be printed.</source>
        <translation>रसीद प्रिंट नहीं हो सकी।</translation>
    </message>
</context>
<context>
    <name>Reconciler</name>
    <message>
        <source>{order_id} is open.</source>
        <extracomment>What the manager&apos;s re-check says a sale is (its SaleStatus value).</extracomment>
        <translation>{order_id} खुला है (भुगतान नहीं हुआ)।</translation>
    </message>
    <message>
        <source>{order_id} is paid.</source>
        <translation>{order_id} का भुगतान हो गया है।</translation>
    </message>
    <message>
        <source>{order_id} is cancelled.</source>
        <translation>{order_id} रद्द है।</translation>
    </message>
    <message>
        <source>created</source>
        <extracomment>How the re-check names an attempt&apos;s status (its AttemptStatus value, in English).</extracomment>
        <translation>बनाया गया</translation>
    </message>
    <message>
        <source>awaiting_link</source>
        <translation>वॉलेट लिंक का इंतज़ार</translation>
    </message>
    <message>
        <source>submitting</source>
        <translation>भेजा जा रहा है</translation>
    </message>
    <message>
        <source>awaiting_customer</source>
        <translation>ग्राहक का इंतज़ार</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>जाँच हो रही है</translation>
    </message>
    <message>
        <source>charged</source>
        <translation>पैसा कटा</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>नहीं हुआ</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>रद्द</translation>
    </message>
    <message>
        <source>No sale {order_id} in this store.</source>
        <translation>इस स्टोर में {order_id} नाम की कोई बिक्री नहीं है।</translation>
    </message>
    <message>
        <source>{order_id} is {state}.</source>
        <translation>{order_id} की स्थिति: {state}।</translation>
    </message>
    <message>
        <source>Attempt {attempt}: {before} -&gt; {after}.</source>
        <translation>कोशिश {attempt}: {before} -&gt; {after}।</translation>
    </message>
    <message>
        <source>This customer&apos;s earlier payment of {amount} (order {order_id}) went through after all. Check with the customer before charging again.</source>
        <translation>इस ग्राहक का {amount} का पिछला भुगतान (ऑर्डर {order_id}) आखिरकार हो गया था। दोबारा पैसे लेने से पहले ग्राहक से पूछ लें।</translation>
    </message>
    <message>
        <source>This customer has a payment of {amount} (order {order_id}) still being checked with Amazon Pay. Do not charge again until it is resolved (Manager, Day review, Re-check status).</source>
        <translation>इस ग्राहक के {amount} के एक भुगतान (ऑर्डर {order_id}) की Amazon Pay से अभी जाँच हो रही है। जब तक यह तय न हो जाए, दोबारा पैसे न लें (मैनेजर, दिन की समीक्षा, स्थिति फिर से जाँचें)।</translation>
    </message>
</context>
<context>
    <name>Refunds</name>
    <message>
        <source>a refund of the same amount was requested seconds ago; check the sale&apos;s refunds, and wait a few seconds before repeating it</source>
        <translation>इतनी ही राशि का रिफ़ंड कुछ सेकंड पहले माँगा गया था; इस बिक्री के रिफ़ंड देखें, और दोबारा माँगने से पहले कुछ सेकंड रुकें</translation>
    </message>
    <message>
        <source>No sale has order id {order_id}.</source>
        <translation>ऑर्डर आईडी {order_id} वाली कोई बिक्री नहीं है।</translation>
    </message>
    <message>
        <source>Enter a refund amount above zero.</source>
        <translation>शून्य से अधिक रिफ़ंड राशि लिखें।</translation>
    </message>
    <message>
        <source>Only a paid sale can be refunded (it is {status}).</source>
        <translation>सिर्फ़ भुगतान हो चुकी बिक्री का रिफ़ंड हो सकता है (इसकी स्थिति: {status})।</translation>
    </message>
    <message>
        <source>A refund of {amount} is more than the {left} still refundable on this sale.</source>
        <translation>{amount} का रिफ़ंड इस बिक्री पर अभी रिफ़ंड हो सकने वाले {left} से अधिक है।</translation>
    </message>
    <message>
        <source>Nothing is left to refund on this sale.</source>
        <translation>इस बिक्री पर अब रिफ़ंड के लिए कुछ नहीं बचा।</translation>
    </message>
    <message>
        <source>Could not check with the gateway: {reason}</source>
        <translation>गेटवे से जाँच नहीं हो सकी: {reason}</translation>
    </message>
    <message>
        <source>Still refundable: {left}.</source>
        <translation>अभी भी रिफ़ंड हो सकता है: {left}।</translation>
    </message>
    <message>
        <source>{amount} was refunded to the customer&apos;s Amazon Pay balance.</source>
        <translation>{amount} ग्राहक के Amazon Pay बैलेंस में रिफ़ंड कर दिए गए।</translation>
    </message>
    <message>
        <source>Refund of {amount} accepted; Amazon Pay is processing it. It usually completes within minutes.</source>
        <translation>{amount} का रिफ़ंड स्वीकार हो गया; Amazon Pay इसे प्रोसेस कर रहा है। यह आमतौर पर कुछ मिनटों में पूरा हो जाता है।</translation>
    </message>
    <message>
        <source>the gateway did not process it</source>
        <translation>गेटवे ने इसे प्रोसेस नहीं किया</translation>
    </message>
    <message>
        <source>Refund of {amount} failed: {reason} Nothing was refunded; you can try again.</source>
        <translation>{amount} का रिफ़ंड नहीं हो सका: {reason} कोई पैसा वापस नहीं गया; आप फिर से कोशिश कर सकते हैं।</translation>
    </message>
    <message>
        <source>Refund of {amount} failed: {reason}. Nothing was refunded; you can try again.</source>
        <translation>{amount} का रिफ़ंड नहीं हो सका: {reason}। कोई पैसा वापस नहीं गया; आप फिर से कोशिश कर सकते हैं।</translation>
    </message>
    <message>
        <source>Refund of {amount} needs a manual review at the gateway. Do not refund this sale again until it is resolved.</source>
        <translation>{amount} के रिफ़ंड की गेटवे पर मैन्युअल जाँच होनी है। जब तक यह तय न हो जाए, इस बिक्री का दोबारा रिफ़ंड न करें।</translation>
    </message>
    <message>
        <source>The gateway has not confirmed the refund of {amount}. It is being checked; do not refund this sale again until it is resolved.</source>
        <translation>गेटवे ने {amount} के रिफ़ंड की पुष्टि नहीं की है। इसकी जाँच हो रही है; जब तक यह तय न हो जाए, इस बिक्री का दोबारा रिफ़ंड न करें।</translation>
    </message>
</context>
<context>
    <name>ResultScreen</name>
    <message>
        <source>Paid — thank you</source>
        <translation>भुगतान हो गया — धन्यवाद</translation>
    </message>
    <message>
        <source>Not paid — nothing was charged</source>
        <translation>भुगतान नहीं हुआ — कोई पैसा नहीं कटा</translation>
    </message>
    <message>
        <source>We are checking your payment</source>
        <translation>हम आपके भुगतान की जाँच कर रहे हैं</translation>
    </message>
    <message>
        <source>You paid {amount} with Amazon Pay.</source>
        <translation>आपने Amazon Pay से {amount} का भुगतान किया।</translation>
    </message>
    <message>
        <source>We could not yet confirm whether your payment went through. Please do not pay again — tap “Call staff” and they will sort it out with you.</source>
        <translation>हम अभी पक्का नहीं कर पाए कि आपका भुगतान हुआ या नहीं। कृपया दोबारा भुगतान न करें — “स्टाफ़ को बुलाएँ” पर टैप करें, स्टाफ़ आपके साथ इसे सुलझा देगा।</translation>
    </message>
    <message>
        <source>Amazon Pay did not accept this payment. Nothing was charged. You can try again, or tap “Call staff” to pay at the counter.</source>
        <translation>Amazon Pay ने यह भुगतान स्वीकार नहीं किया। कोई पैसा नहीं कटा। आप फिर से कोशिश कर सकते हैं, या काउंटर पर भुगतान के लिए “स्टाफ़ को बुलाएँ” पर टैप करें।</translation>
    </message>
    <message>
        <source>The payment did not go through.</source>
        <translation>भुगतान नहीं हो पाया।</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>फिर से कोशिश करें</translation>
    </message>
    <message>
        <source>Try paying again</source>
        <translation>फिर से भुगतान करने की कोशिश करें</translation>
    </message>
    <message>
        <source>Your receipt</source>
        <translation>आपकी रसीद</translation>
    </message>
    <message>
        <source>Scan this code with your phone camera to keep your receipt.</source>
        <translation>अपनी रसीद रखने के लिए इस कोड को अपने फ़ोन के कैमरे से स्कैन करें।</translation>
    </message>
    <message>
        <source>Your receipt as a QR code</source>
        <translation>QR कोड में आपकी रसीद</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>रसीद प्रिंट करें</translation>
    </message>
    <message>
        <source>Print a paper receipt</source>
        <translation>कागज़ पर रसीद प्रिंट करें</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>पूरा करें</translation>
    </message>
    <message>
        <source>Finish and start over</source>
        <translation>पूरा करें और नए सिरे से शुरू करें</translation>
    </message>
    <message>
        <source>Amazon Pay balance now {amount}</source>
        <translation>अब Amazon Pay बैलेंस {amount}</translation>
    </message>
    <message>
        <source>Reference {order}</source>
        <translation>रेफ़रेंस {order}</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>फिर से शुरू करें</translation>
    </message>
    <message>
        <source>Cancel and start again</source>
        <translation>रद्द करें और फिर से शुरू करें</translation>
    </message>
    <message>
        <source>Scan this code with your phone camera to keep your receipt for {amount}.</source>
        <translation>{amount} की अपनी रसीद रखने के लिए इस कोड को अपने फ़ोन के कैमरे से स्कैन करें।</translation>
    </message>
    <message>
        <source>Printing your receipt…</source>
        <translation>आपकी रसीद प्रिंट हो रही है…</translation>
    </message>
    <message>
        <source>Your receipt is printed. Please take it from the printer.</source>
        <translation>आपकी रसीद प्रिंट हो गई है। कृपया इसे प्रिंटर से ले लें।</translation>
    </message>
    <message>
        <source>The printer is not available right now. Please scan the QR code above instead.</source>
        <translation>प्रिंटर अभी उपलब्ध नहीं है। कृपया इसकी जगह ऊपर दिया QR कोड स्कैन करें।</translation>
    </message>
    <message>
        <source>The printer is not available right now. If you need a receipt, tap “Call staff”.</source>
        <translation>प्रिंटर अभी उपलब्ध नहीं है। अगर आपको रसीद चाहिए, तो “स्टाफ़ को बुलाएँ” पर टैप करें।</translation>
    </message>
    <message>
        <source>Your receipt could not be printed. Please scan the QR code above instead.</source>
        <translation>आपकी रसीद प्रिंट नहीं हो सकी। कृपया इसकी जगह ऊपर दिया QR कोड स्कैन करें।</translation>
    </message>
    <message>
        <source>Your receipt could not be printed. If you need one, tap “Call staff”.</source>
        <translation>आपकी रसीद प्रिंट नहीं हो सकी। अगर आपको रसीद चाहिए, तो “स्टाफ़ को बुलाएँ” पर टैप करें।</translation>
    </message>
</context>
<context>
    <name>ResultView</name>
    <message>
        <source>We are checking this payment with Amazon Pay. Do not charge again.</source>
        <translation>हम Amazon Pay से इस भुगतान की जाँच कर रहे हैं। दोबारा पैसे न लें।</translation>
    </message>
    <message>
        <source>Payment received</source>
        <translation>भुगतान हो गया</translation>
    </message>
    <message>
        <source>Payment declined</source>
        <translation>भुगतान अस्वीकार</translation>
    </message>
    <message>
        <source>Payment not made</source>
        <translation>भुगतान नहीं हुआ</translation>
    </message>
    <message>
        <source>Payment cancelled</source>
        <translation>भुगतान रद्द हुआ</translation>
    </message>
    <message>
        <source>Checking the payment</source>
        <translation>भुगतान की जाँच हो रही है</translation>
    </message>
    <message>
        <source>Order id</source>
        <translation>ऑर्डर आईडी</translation>
    </message>
    <message>
        <source>Error code</source>
        <translation>एरर कोड</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>कुल</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>समय</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>ग्राहक</translation>
    </message>
    <message>
        <source>Balance after</source>
        <translation>बाद में बैलेंस</translation>
    </message>
    <message>
        <source>Paid with Amazon Pay: the balance, and the rest on the Amazon Pay page</source>
        <translation>Amazon Pay से भुगतान हुआ: बैलेंस से, और बाकी Amazon Pay पेज पर</translation>
    </message>
    <message>
        <source>Amazon Pay linked, and paid from the balance</source>
        <translation>Amazon Pay लिंक हुआ, और बैलेंस से भुगतान हुआ</translation>
    </message>
    <message>
        <source>Paid with {method}, approved by OTP</source>
        <translation>{method} से भुगतान हुआ, OTP से मंज़ूर</translation>
    </message>
    <message>
        <source>Paid with Amazon Pay balance</source>
        <translation>Amazon Pay बैलेंस से भुगतान हुआ</translation>
    </message>
    <message>
        <source>New sale</source>
        <translation>नई बिक्री</translation>
    </message>
    <message>
        <source>Start a new sale</source>
        <translation>नई बिक्री शुरू करें</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>फिर से कोशिश करें</translation>
    </message>
    <message>
        <source>Try the payment again</source>
        <translation>भुगतान की फिर से कोशिश करें</translation>
    </message>
    <message>
        <source>Choose another method</source>
        <translation>दूसरा तरीका चुनें</translation>
    </message>
    <message>
        <source>Choose another payment method</source>
        <translation>भुगतान का दूसरा तरीका चुनें</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>रसीद प्रिंट करें</translation>
    </message>
    <message>
        <source>Print the receipt</source>
        <translation>रसीद प्रिंट करें</translation>
    </message>
    <message>
        <source>E-receipt QR</source>
        <translation>ई-रसीद QR</translation>
    </message>
    <message>
        <source>Show a QR code the customer can scan for the receipt</source>
        <translation>ग्राहक को QR कोड दिखाएँ, जिसे स्कैन करके वे रसीद ले सकें</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>जानकारी कॉपी करें</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>कॉपी हो गया</translation>
    </message>
    <message>
        <source>and 1 more line</source>
        <translation>और 1 लाइन</translation>
    </message>
    <message>
        <source>and {count} more lines</source>
        <translation>और {count} लाइनें</translation>
    </message>
</context>
<context>
    <name>SecureWebView</name>
    <message>
        <source>Payment page</source>
        <translation>भुगतान पेज</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Embedded sandbox</source>
        <extracomment>The Amazon Pay routes in the order a settings screen lists them. How Amazon Pay reaches the gateway: AMAZONPAY (direct debit, Link and Pay) or a redirect route with an OTP page: PAYU, RAZORPAY, GOCASHFREE, BILLDESK. The language the screens start in (&quot;en&quot;, &quot;hi&quot;: see pos_app.domain.text).</extracomment>
        <translation>बिल्ट-इन सैंडबॉक्स</translation>
    </message>
    <message>
        <source>Juspay (live)</source>
        <translation>Juspay (लाइव)</translation>
    </message>
    <message>
        <source>Juspay sandbox</source>
        <translation>Juspay सैंडबॉक्स</translation>
    </message>
    <message>
        <source>Gateway {address}</source>
        <translation>गेटवे {address}</translation>
    </message>
    <message>
        <source>The gateway mode {mode} is unknown; choose one of: {choices}</source>
        <translation>गेटवे मोड {mode} मान्य नहीं है; इनमें से एक चुनें: {choices}</translation>
    </message>
    <message>
        <source>Choose one of: {choices}</source>
        <translation>इनमें से एक चुनें: {choices}</translation>
    </message>
    <message>
        <source>POS_SANDBOX_LATENCY_MS must be a whole number</source>
        <translation>POS_SANDBOX_LATENCY_MS एक पूर्ण संख्या होनी चाहिए</translation>
    </message>
    <message>
        <source>The Amazon Pay route must be one of: {choices}</source>
        <translation>Amazon Pay रूट इनमें से एक होना चाहिए: {choices}</translation>
    </message>
    <message>
        <source>The terminal id must be 1 to 6 letters or digits, e.g. T01</source>
        <translation>टर्मिनल आईडी में 1 से 6 अक्षर या अंक होने चाहिए, जैसे T01</translation>
    </message>
    <message>
        <source>The return URL must be a full web address (https://...)</source>
        <translation>रिटर्न URL पूरा वेब पता होना चाहिए (https://...)</translation>
    </message>
    <message>
        <source>Enter the merchant id from the Juspay dashboard (POS_MERCHANT_ID): it is needed for any gateway other than the embedded sandbox</source>
        <translation>Juspay डैशबोर्ड से मर्चेंट आईडी लिखें (POS_MERCHANT_ID): बिल्ट-इन सैंडबॉक्स के अलावा हर गेटवे के लिए यह ज़रूरी है</translation>
    </message>
    <message>
        <source>The merchant id has letters, digits, &apos;_&apos;, &apos;-&apos; or &apos;.&apos; only (no spaces); copy it from the Juspay dashboard</source>
        <translation>मर्चेंट आईडी में केवल अक्षर, अंक, &apos;_&apos;, &apos;-&apos; या &apos;.&apos; होते हैं (कोई स्पेस नहीं); इसे Juspay डैशबोर्ड से कॉपी करें</translation>
    </message>
    <message>
        <source>Enter the API key (Juspay dashboard: Settings, Security) or set POS_API_KEY: it is needed for any gateway other than the embedded sandbox</source>
        <translation>API key लिखें (Juspay डैशबोर्ड: Settings, Security) या POS_API_KEY सेट करें: बिल्ट-इन सैंडबॉक्स के अलावा हर गेटवे के लिए यह ज़रूरी है</translation>
    </message>
    <message>
        <source>The API key contains a space or line break; paste it again</source>
        <translation>API key में स्पेस या नई लाइन है; इसे फिर से पेस्ट करें</translation>
    </message>
    <message>
        <source>Real Juspay hosts are reached over https only</source>
        <translation>असली Juspay होस्ट से केवल https के ज़रिए जुड़ा जाता है</translation>
    </message>
    <message>
        <source>The gateway address must be a full web address (https://...)</source>
        <translation>गेटवे का पता पूरा वेब पता होना चाहिए (https://...)</translation>
    </message>
    <message>
        <source>The gateway address must not contain &apos;?&apos; or &apos;#&apos;</source>
        <translation>गेटवे के पते में &apos;?&apos; या &apos;#&apos; नहीं होना चाहिए</translation>
    </message>
    <message>
        <source>The settings file {path} cannot be read: {error}</source>
        <extracomment>The environment variable that overrides each field of the file. The screens&apos; language on this terminal: &quot;en&quot; or &quot;hi&quot; (kiosk customers can switch for their own visit). ``&quot;keyring&quot;`` when the response key was stored in the keyring, else empty.</extracomment>
        <translation>सेटिंग्स फ़ाइल {path} पढ़ी नहीं जा सकती: {error}</translation>
    </message>
    <message>
        <source>The settings file {path} is damaged ({error}). Fix it, or delete it and enter the settings again.</source>
        <translation>सेटिंग्स फ़ाइल {path} खराब है ({error})। इसे ठीक करें, या इसे हटाकर सेटिंग्स फिर से भरें।</translation>
    </message>
    <message>
        <source>The settings file {path} has no [gateway] table</source>
        <translation>सेटिंग्स फ़ाइल {path} में [gateway] टेबल नहीं है</translation>
    </message>
    <message>
        <source>The setting {key} in {path} must be text</source>
        <translation>{path} में सेटिंग {key} टेक्स्ट होनी चाहिए</translation>
    </message>
    <message>
        <source>No OS keyring is available on this machine, so the key cannot be stored here. Set it in the environment instead ({variable}).</source>
        <translation>इस मशीन पर कोई OS कीरिंग नहीं है, इसलिए key यहाँ सेव नहीं हो सकती। इसकी जगह इसे एनवायरनमेंट में सेट करें ({variable})।</translation>
    </message>
    <message>
        <source>Enter the merchant id before storing a key</source>
        <translation>key सेव करने से पहले मर्चेंट आईडी लिखें</translation>
    </message>
    <message>
        <source>The key is empty</source>
        <translation>key खाली है</translation>
    </message>
    <message>
        <source>The OS keyring could not read the key ({error}). Unlock the keyring, or set {variable} in the environment instead.</source>
        <translation>OS कीरिंग key नहीं पढ़ सकी ({error})। कीरिंग अनलॉक करें, या इसकी जगह एनवायरनमेंट में {variable} सेट करें।</translation>
    </message>
    <message>
        <source>The OS keyring could not store the key ({error}). Unlock the keyring, or set {variable} in the environment instead.</source>
        <translation>OS कीरिंग key सेव नहीं कर सकी ({error})। कीरिंग अनलॉक करें, या इसकी जगह एनवायरनमेंट में {variable} सेट करें।</translation>
    </message>
    <message>
        <source>The OS keyring could not delete the key ({error}). Unlock the keyring, or set {variable} in the environment instead.</source>
        <translation>OS कीरिंग key हटा नहीं सकी ({error})। कीरिंग अनलॉक करें, या इसकी जगह एनवायरनमेंट में {variable} सेट करें।</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>•••• set</source>
        <extracomment>How a stored key reads (English; shown through &quot;SettingsDialog&quot;).</extracomment>
        <translation>•••• सेट है</translation>
    </message>
    <message>
        <source>Embedded sandbox (no network, test money)</source>
        <translation>बिल्ट-इन सैंडबॉक्स (नेटवर्क नहीं, टेस्ट के पैसे)</translation>
    </message>
    <message>
        <source>Juspay sandbox (sandbox.juspay.in)</source>
        <translation>Juspay सैंडबॉक्स (sandbox.juspay.in)</translation>
    </message>
    <message>
        <source>Juspay production (api.juspay.in)</source>
        <translation>Juspay असली लेन-देन (api.juspay.in)</translation>
    </message>
    <message>
        <source>Amazon Pay direct (balance debit, Link and Pay)</source>
        <translation>सीधे Amazon Pay (बैलेंस से डेबिट, लिंक करके भुगतान)</translation>
    </message>
    <message>
        <source>Redirect through PayU (OTP page)</source>
        <translation>PayU से होकर (OTP पेज)</translation>
    </message>
    <message>
        <source>Redirect through Razorpay (OTP page)</source>
        <translation>Razorpay से होकर (OTP पेज)</translation>
    </message>
    <message>
        <source>Redirect through Cashfree (OTP page)</source>
        <translation>Cashfree से होकर (OTP पेज)</translation>
    </message>
    <message>
        <source>Redirect through BillDesk (OTP page)</source>
        <translation>BillDesk से होकर (OTP पेज)</translation>
    </message>
    <message>
        <source>Gateway</source>
        <extracomment>(field, English label) in the order of the form.</extracomment>
        <translation>गेटवे</translation>
    </message>
    <message>
        <source>Gateway address</source>
        <translation>गेटवे का पता</translation>
    </message>
    <message>
        <source>Merchant id</source>
        <translation>मर्चेंट आईडी</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API key (कुंजी)</translation>
    </message>
    <message>
        <source>Response key</source>
        <translation>रिस्पॉन्स key</translation>
    </message>
    <message>
        <source>Return URL</source>
        <translation>रिटर्न URL</translation>
    </message>
    <message>
        <source>Terminal id</source>
        <translation>टर्मिनल आईडी</translation>
    </message>
    <message>
        <source>Amazon Pay route</source>
        <translation>Amazon Pay रूट</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>भाषा</translation>
    </message>
    <message>
        <source>Replace…</source>
        <translation>बदलें…</translation>
    </message>
    <message>
        <source>Replace the API key</source>
        <translation>API key बदलें</translation>
    </message>
    <message>
        <source>Paste the new API key</source>
        <translation>नई API key पेस्ट करें</translation>
    </message>
    <message>
        <source>New API key</source>
        <translation>नई API key</translation>
    </message>
    <message>
        <source>Replace the response key</source>
        <translation>रिस्पॉन्स key बदलें</translation>
    </message>
    <message>
        <source>Paste the new response key</source>
        <translation>नई रिस्पॉन्स key पेस्ट करें</translation>
    </message>
    <message>
        <source>New response key</source>
        <translation>नई रिस्पॉन्स key</translation>
    </message>
    <message>
        <source>New key, kept in the OS keyring on Save</source>
        <translation>नई key, सेव करने पर OS कीरिंग में रखी जाएगी</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>सेट नहीं है</translation>
    </message>
    <message>
        <source>pos_app — Gateway settings</source>
        <translation>pos_app — गेटवे सेटिंग्स</translation>
    </message>
    <message>
        <source>Gateway settings</source>
        <translation>गेटवे सेटिंग्स</translation>
    </message>
    <message>
        <source>How this terminal reaches Juspay. Changes apply the next time pos_app starts. Keys are kept in the OS keyring, never in the settings file.</source>
        <translation>यह टर्मिनल Juspay से कैसे जुड़ता है। बदलाव अगली बार pos_app शुरू होने पर लागू होंगे। key, OS कीरिंग में रखी जाती हैं, सेटिंग्स फ़ाइल में कभी नहीं।</translation>
    </message>
    <message>
        <source>From the Juspay dashboard</source>
        <translation>Juspay डैशबोर्ड से</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>कनेक्शन जाँचें</translation>
    </message>
    <message>
        <source>Test the connection to the gateway</source>
        <translation>गेटवे से कनेक्शन जाँचें</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>सेव करें</translation>
    </message>
    <message>
        <source>Save the settings</source>
        <translation>सेटिंग्स सेव करें</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>Cancel without saving</source>
        <translation>बिना सेव किए रद्द करें</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>कनेक्शन जाँच का नतीजा</translation>
    </message>
    <message>
        <source>Applies at once on Save: the screens switch now. The other settings apply the next time pos_app starts.</source>
        <translation>सेव करते ही लागू होगी: स्क्रीन अभी बदल जाएँगी। बाकी सेटिंग्स अगली बार pos_app शुरू होने पर लागू होंगी।</translation>
    </message>
    <message>
        <source>Set by {variable} in the environment; change it there.</source>
        <translation>एनवायरनमेंट में {variable} से सेट है; वहीं बदलें।</translation>
    </message>
    <message>
        <source>Set by {variable}; change it there.</source>
        <translation>{variable} से सेट है; वहीं बदलें।</translation>
    </message>
    <message>
        <source>from {variable} in the environment</source>
        <translation>एनवायरनमेंट के {variable} से</translation>
    </message>
    <message>
        <source>in the OS keyring</source>
        <translation>OS कीरिंग में</translation>
    </message>
    <message>
        <source>Keys are stored in: {backend}.</source>
        <translation>key यहाँ रखी हैं: {backend}।</translation>
    </message>
    <message>
        <source>No OS keyring is available on this machine: keys cannot be saved here. Set POS_API_KEY (and POS_RESPONSE_KEY) in the environment that starts pos_app instead.</source>
        <translation>इस मशीन पर कोई OS कीरिंग नहीं है: key यहाँ सेव नहीं हो सकतीं। इसकी जगह pos_app शुरू करने वाले एनवायरनमेंट में POS_API_KEY (और POS_RESPONSE_KEY) सेट करें।</translation>
    </message>
    <message>
        <source>No OS keyring here to keep the API key: set POS_API_KEY in the environment that starts pos_app.</source>
        <translation>API key रखने के लिए यहाँ कोई OS कीरिंग नहीं है: pos_app शुरू करने वाले एनवायरनमेंट में POS_API_KEY सेट करें।</translation>
    </message>
    <message>
        <source>Leave empty to use the mode&apos;s host</source>
        <translation>चुने गए गेटवे का होस्ट लेने के लिए खाली छोड़ें</translation>
    </message>
    <message>
        <source>Leave empty to start the built-in sandbox</source>
        <translation>बिल्ट-इन सैंडबॉक्स चलाने के लिए खाली छोड़ें</translation>
    </message>
    <message>
        <source>The settings could not be saved: {error}</source>
        <translation>सेटिंग्स सेव नहीं हो सकीं: {error}</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>कनेक्शन जाँच रहे हैं…</translation>
    </message>
    <message>
        <source>The test itself failed ({kind}); see the support log.</source>
        <translation>जाँच खुद ही नहीं चल सकी ({kind}); सपोर्ट लॉग देखें।</translation>
    </message>
</context>
<context>
    <name>ShopScreen</name>
    <message>
        <source>Your basket is empty. Tap an item to add it.</source>
        <translation>अभी कोई सामान नहीं चुना। जोड़ने के लिए किसी आइटम पर टैप करें।</translation>
    </message>
    <message>
        <source>Tap what you want to buy</source>
        <translation>जो खरीदना है, उस पर टैप करें</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>सामान की सूची</translation>
    </message>
    <message>
        <source>Your basket</source>
        <translation>आपका सामान</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>कुल</translation>
    </message>
    <message>
        <source>Next: mobile number  →</source>
        <translation>आगे: मोबाइल नंबर  →</translation>
    </message>
    <message>
        <source>Next: enter your mobile number</source>
        <translation>आगे: अपना मोबाइल नंबर डालें</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>फिर से शुरू करें</translation>
    </message>
    <message>
        <source>Empty the basket and start again</source>
        <translation>सारा सामान हटाएँ और फिर से शुरू करें</translation>
    </message>
    <message>
        <source>Total {amount}, 1 item</source>
        <translation>कुल {amount}, 1 आइटम</translation>
    </message>
    <message>
        <source>Total {amount}, {count} items</source>
        <translation>कुल {amount}, {count} आइटम</translation>
    </message>
    <message>
        <source>{price} each</source>
        <translation>{price} प्रति आइटम</translation>
    </message>
    <message>
        <source>{count} of {name}</source>
        <translation>{name} की मात्रा {count}</translation>
    </message>
    <message>
        <source>Remove {name}</source>
        <translation>{name} हटाएँ</translation>
    </message>
    <message>
        <source>One less {name}</source>
        <translation>एक {name} कम करें</translation>
    </message>
    <message>
        <source>One more {name}</source>
        <translation>एक {name} और जोड़ें</translation>
    </message>
</context>
<context>
    <name>StaffBanner</name>
    <message>
        <source>Staff have been called</source>
        <translation>स्टाफ़ को बुला लिया गया है</translation>
    </message>
    <message>
        <source>Staff have been called. Someone will be with you shortly — you can carry on meanwhile.</source>
        <translation>स्टाफ़ को बुला लिया गया है। कोई जल्द ही आपके पास आएगा — तब तक आप आगे बढ़ सकते हैं।</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>ठीक है</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>यह संदेश छिपाएँ</translation>
    </message>
</context>
<context>
    <name>StaffExit</name>
    <message>
        <source>Staff only</source>
        <translation>सिर्फ़ स्टाफ़ के लिए</translation>
    </message>
    <message>
        <source>Enter the manager PIN to close self-checkout.</source>
        <translation>सेल्फ़-चेकआउट बंद करने के लिए मैनेजर PIN डालें।</translation>
    </message>
    <message>
        <source>PIN digits entered</source>
        <translation>डाले गए PIN अंक</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>Cancel and go back</source>
        <translation>रद्द करें और वापस जाएँ</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>अनलॉक करें</translation>
    </message>
    <message>
        <source>Unlock and close self-checkout</source>
        <translation>अनलॉक करें और सेल्फ़-चेकआउट बंद करें</translation>
    </message>
    <message>
        <source>Enter the PIN first.</source>
        <translation>पहले PIN डालें।</translation>
    </message>
    <message>
        <source>The terminal is still starting. Try again in a moment.</source>
        <translation>टर्मिनल अभी शुरू हो रहा है। थोड़ी देर में फिर से कोशिश करें।</translation>
    </message>
    <message>
        <source>No manager PIN is set on this terminal, so self-checkout cannot be closed here. Set one in the manager area at the counter.</source>
        <translation>इस टर्मिनल पर कोई मैनेजर PIN सेट नहीं है, इसलिए सेल्फ़-चेकआउट यहाँ से बंद नहीं हो सकता। काउंटर पर मैनेजर वाले हिस्से में PIN सेट करें।</translation>
    </message>
    <message>
        <source>Wrong PIN. 1 try left before a lockout.</source>
        <translation>गलत PIN। लॉक होने से पहले 1 कोशिश बाकी है।</translation>
    </message>
    <message>
        <source>Wrong PIN. {count} tries left before a lockout.</source>
        <translation>गलत PIN। लॉक होने से पहले {count} कोशिशें बाकी हैं।</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in {seconds} s.</source>
        <translation>बहुत बार गलत PIN डाला गया। {seconds} सेकंड बाद फिर से कोशिश करें।</translation>
    </message>
</context>
<context>
    <name>StepIndicator</name>
    <message>
        <source>Shop</source>
        <extracomment>The steps&apos; names in English (also what ``current_name`` says, for tests and logs).</extracomment>
        <translation>खरीदारी</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>मोबाइल</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>भुगतान</translation>
    </message>
    <message>
        <source>Step {number} of {count}, {name}, done</source>
        <translation>{count} में से चरण {number}, {name}, पूरा हुआ</translation>
    </message>
    <message>
        <source>Step {number} of {count}, {name}, you are here</source>
        <translation>{count} में से चरण {number}, {name}, आप यहाँ हैं</translation>
    </message>
    <message>
        <source>Step {number} of {count}, {name}</source>
        <translation>{count} में से चरण {number}, {name}</translation>
    </message>
</context>
<context>
    <name>SummaryTiles</name>
    <message>
        <source>Sales</source>
        <extracomment>The tiles&apos; captions (context &quot;SummaryTiles&quot;, translated by each tile).</extracomment>
        <translation>बिक्री</translation>
    </message>
    <message>
        <source>Paid value</source>
        <translation>भुगतान हुई राशि</translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation>सफलता दर</translation>
    </message>
    <message>
        <source>Unresolved</source>
        <translation>अनसुलझे</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>रिफ़ंड</translation>
    </message>
    <message>
        <source>{amount} asked</source>
        <translation>{amount} माँगे गए</translation>
    </message>
    <message>
        <source>1 paid sale</source>
        <translation>1 बिक्री का भुगतान हुआ</translation>
    </message>
    <message>
        <source>{count} paid sales</source>
        <translation>{count} बिक्री का भुगतान हुआ</translation>
    </message>
    <message>
        <source>of {count} sales with a payment try</source>
        <translation>{count} बिक्री में से, जिनमें भुगतान की कोशिश हुई</translation>
    </message>
    <message>
        <source>open sales, not paid</source>
        <translation>खुली बिक्री, भुगतान नहीं हुआ</translation>
    </message>
    <message>
        <source>nothing left open</source>
        <translation>कुछ भी खुला नहीं</translation>
    </message>
    <message>
        <source>{refunded} refunded, {pending} pending</source>
        <translation>{refunded} रिफ़ंड हुए, {pending} बाकी</translation>
    </message>
</context>
<context>
    <name>TransactionsModel</name>
    <message>
        <source>Time</source>
        <extracomment>Column titles in English; headerData says them in the current language.</extracomment>
        <translation>समय</translation>
    </message>
    <message>
        <source>Order id</source>
        <translation>ऑर्डर आईडी</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>राशि</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>तरीका</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>रूट</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>कैशियर</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>टर्मिनल</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>फ़ोन</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>कोशिशें</translation>
    </message>
    <message>
        <source>Could not read the transactions: {error}</source>
        <extracomment>Columns the database sorts by; the others are computed per row and not sortable.</extracomment>
        <translation>लेन-देन पढ़े नहीं जा सके: {error}</translation>
    </message>
    <message>
        <source>Could not count the transactions: {error}</source>
        <translation>लेन-देन गिने नहीं जा सके: {error}</translation>
    </message>
</context>
<context>
    <name>WebPageScreen</name>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>Opening the Amazon Pay page…</source>
        <translation>Amazon Pay पेज खुल रहा है…</translation>
    </message>
    <message>
        <source>Use a code on my phone instead</source>
        <translation>इसके बजाय फ़ोन से कोड स्कैन करें</translation>
    </message>
    <message>
        <source>Scan a code with your phone instead</source>
        <translation>इसके बजाय अपने फ़ोन से कोड स्कैन करें</translation>
    </message>
    <message>
        <source>That link leads outside Amazon Pay, so it was not opened. You can carry on on this page.</source>
        <translation>वह लिंक Amazon Pay से बाहर ले जाता है, इसलिए उसे नहीं खोला गया। आप इसी पेज पर आगे बढ़ सकते हैं।</translation>
    </message>
    <message>
        <source>Amazon Pay page</source>
        <translation>Amazon Pay पेज</translation>
    </message>
</context>
</TS>
