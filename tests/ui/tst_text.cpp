// The kiosk shows outside text escaped: rb::displayText over a table of hostile strings,
// and the DeviceListModel roles QML binds to for a device that reports such strings.
#include <QtTest>

#include "devicelistmodel.h"
#include "rbtext.h"

#include <cstring>

// Nothing a label could act on: no control character (C0, DEL, C1, line/paragraph
// separator), no bidi control, no U+FFFD from a lossy decode.
static QString whyUnsafe(const QString &s)
{
    for (QChar c : s) {
        const ushort u = c.unicode();
        if (c.category() == QChar::Other_Control || u == 0x2028 || u == 0x2029)
            return QStringLiteral("control U+%1").arg(u, 4, 16, QLatin1Char('0'));
        if (u == 0x061c || u == 0x200e || u == 0x200f || (u >= 0x202a && u <= 0x202e) ||
            (u >= 0x2066 && u <= 0x2069))
            return QStringLiteral("bidi U+%1").arg(u, 4, 16, QLatin1Char('0'));
        if (u == 0xfffd)
            return QStringLiteral("U+FFFD");
    }
    return QString();
}

static const struct {
    const char *in, *shown;
} kTable[] = {
    {"Ann's iPhone", "Ann's iPhone"},
    {"red\x1b[31mX\x07", "red\\x1b[31mX\\x07"},
    {"title\x1b]0;pwned\x07", "title\\x1b]0;pwned\\x07"},
    {"c1\xc2\x9b" "2J", "c1\\u009b2J"},
    {"photo\xe2\x80\xae" "gpj.exe", "photo\\u202egpj.exe"},
    {"iso\xe2\x81\xa6x\xe2\x81\xa9", "iso\\u2066x\\u2069"},
    {"rlm\xe2\x80\x8f" "alm\xd8\x9c", "rlm\\u200falm\\u061c"},
    {"bad\xff\xfe", "bad\\xff\\xfe"},
    {"two\nlines\r", "two\\nlines\\r"},
    {"ls\xe2\x80\xa8" "ps\xe2\x80\xa9", "ls\\u2028ps\\u2029"},
    {"\xe6\x97\xa5\xe6\x9c\xac iPhone", "\xe6\x97\xa5\xe6\x9c\xac iPhone"},
};

class TstText : public QObject
{
    Q_OBJECT
private slots:
    void displayTextEscapes()
    {
        for (const auto &row : kTable) {
            const QString s = rb::displayText(row.in);
            QCOMPARE(s, QString::fromUtf8(row.shown));
            QVERIFY2(whyUnsafe(s).isEmpty(), qPrintable(whyUnsafe(s)));
        }
        QCOMPARE(rb::displayText(nullptr), QString());
        // Longer than the stack buffer: still whole.
        const QByteArray longer = QByteArray("\x1b", 1).repeated(300);
        QCOMPARE(rb::displayText(longer.constData()), QString("\\x1b").repeated(300));
    }

    void deviceRolesAreEscaped()
    {
        for (const auto &row : kTable) {
            rb_device_info d;
            std::memset(&d, 0, sizeof d);
            d.version = RB_DEVICE_INFO_VERSION;
            d.ecid = 0x1234;
            d.mode = RB_MODE_NORMAL;
            d.battery_percent = d.battery_charging = d.find_my = -1;
            d.disk_free_bytes = d.disk_total_bytes = -1;
            std::snprintf(d.location, sizeof d.location, "1-1");
            for (char *f : {d.device_name, d.serial, d.product_type, d.name, d.ios_version,
                            d.activation_state, d.udid})
                std::snprintf(f, 16, "%s", row.in);
            DeviceListModel m;
            m.apply(RB_DEVICE_ADDED, d);
            QCOMPARE(m.rowCount(), 1);
            const QVariantMap v = m.get(0);
            for (const char *role : {"deviceName", "serial", "productType", "name", "iosVersion",
                                     "activationState", "udid"}) {
                const QString s = v.value(role).toString();
                QVERIFY2(whyUnsafe(s).isEmpty(), qPrintable(QString("%1: %2").arg(role, whyUnsafe(s))));
            }
            QCOMPARE(v.value("deviceName").toString(), rb::displayText(d.device_name));
        }
    }
};

QTEST_GUILESS_MAIN(TstText)
#include "tst_text.moc"
