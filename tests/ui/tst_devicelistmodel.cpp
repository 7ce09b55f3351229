// DeviceListModel fed with rb_device_info events as DeviceMonitor would: the engine's order,
// one row per ECID across modes, roles for every field, derived next action.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "devicelistmodel.h"
#include "devicemonitor.h"
#include "modelcatalog.h"

#include <cstring>

static rb_device_info info(uint64_t ecid, const char *location, rb_device_mode mode,
                           rb_trust_state trust, const char *productType)
{
    rb_device_info d;
    std::memset(&d, 0, sizeof d);
    d.version = RB_DEVICE_INFO_VERSION;
    d.ecid = ecid;
    d.mode = mode;
    d.trust = trust;
    std::snprintf(d.location, sizeof d.location, "%s", location);
    std::snprintf(d.product_type, sizeof d.product_type, "%s", productType);
    std::snprintf(d.name, sizeof d.name, "%s", productType);
    d.battery_percent = -1;
    d.battery_charging = -1;
    d.find_my = -1;
    d.disk_free_bytes = d.disk_total_bytes = -1;
    return d;
}

class TstDeviceListModel : public QObject
{
    Q_OBJECT
private slots:
    void rolesCoverEveryField()
    {
        DeviceListModel m;
        const auto names = m.roleNames();
        const QList<QByteArray> wanted{"ecid", "mode", "trust", "udid", "productType", "name",
            "hardwareModel", "deviceClass", "deviceName", "iosVersion", "buildVersion", "serial",
            "imei", "activationState", "location", "portLabel", "cpid", "bdid", "usbProductId", "knownModel",
            "batteryPercent", "batteryCharging", "findMy", "diskTotal", "diskFree",
            "nextAction", "drawing", "buttonScheme"};
        for (const QByteArray &w : wanted)
            QVERIFY2(names.values().contains(w), w.constData());
    }

    // The engine's bay order (rescuebay/device.h, "Ports"), not string order: named ports by
    // name ("2" before "10"), then unnamed ones by path ("1-2" before "1-10"), then devices
    // whose port is unknown in the order they came; a device that moves changes its place.
    void keepsPortOrder()
    {
        DeviceListModel m;
        QSignalSpy count(&m, &DeviceListModel::countChanged);
        auto at = [](uint64_t ecid, const char *loc, const char *label, uint32_t seen) {
            rb_device_info d = info(ecid, loc, RB_MODE_NORMAL, RB_TRUST_PAIRED, "iPhone12,1");
            std::snprintf(d.port_label, sizeof d.port_label, "%s", label);
            d.seen_order = seen;
            return d;
        };
        m.apply(RB_DEVICE_ADDED, at(1, "", "", 1));
        m.apply(RB_DEVICE_ADDED, at(2, "1-10", "", 2));
        m.apply(RB_DEVICE_ADDED, at(3, "1-2", "", 3));
        m.apply(RB_DEVICE_ADDED, at(4, "2-1", "10", 4));
        m.apply(RB_DEVICE_ADDED, at(5, "", "", 5));
        m.apply(RB_DEVICE_ADDED, at(6, "1-9", "2", 6));
        QCOMPARE(m.rowCount(), 6);
        QCOMPARE(count.count(), 6);
        const QStringList want{"0x6", "0x4", "0x3", "0x2", "0x1", "0x5"};
        for (int i = 0; i < want.size(); i++)
            QCOMPARE(m.get(i).value("key").toString(), want.at(i));
        QCOMPARE(m.get(0).value("portLabel").toString(), QString("2"));
        // replugged into the port named "1": first bay now
        m.apply(RB_DEVICE_CHANGED, at(3, "1-4", "1", 3));
        QCOMPARE(m.get(0).value("key").toString(), QString("0x3"));
        QCOMPARE(m.rowCount(), 6);
        // and back into an unnamed port: among the unnamed, by path
        m.apply(RB_DEVICE_CHANGED, at(3, "1-11", "", 3));
        QCOMPARE(m.get(3).value("key").toString(), QString("0x3"));
        QCOMPARE(m.get(2).value("key").toString(), QString("0x2"));
    }

    void sameEcidAcrossModesIsOneRow()
    {
        DeviceListModel m;
        QSignalSpy seen(&m, &DeviceListModel::deviceSeen);
        m.apply(RB_DEVICE_ADDED, info(0xABC, "1-1", RB_MODE_NORMAL, RB_TRUST_PAIRED, "iPhone12,1"));
        m.apply(RB_DEVICE_CHANGED, info(0xABC, "1-1", RB_MODE_RECOVERY, RB_TRUST_NOT_APPLICABLE, "iPhone12,1"));
        QCOMPARE(m.rowCount(), 1);
        QCOMPARE(m.get(0).value("mode").toInt(), int(RB_MODE_RECOVERY));
        QCOMPARE(m.get(0).value("ecid").toString(), QString("0xABC"));
        QCOMPARE(m.indexOf("0xABC"), 0);
        QCOMPARE(seen.count(), 2);
        QCOMPARE(seen.at(1).at(1).toInt(), int(RB_MODE_RECOVERY));
        m.apply(RB_DEVICE_REMOVED, info(0xABC, "1-1", RB_MODE_RECOVERY, RB_TRUST_NOT_APPLICABLE, ""));
        QCOMPARE(m.rowCount(), 0);
        QCOMPARE(m.indexOf("0xABC"), -1);
    }

    // "Too low" is the restore preflight's rule and setting, not a number in QML.
    void batteryLowIsTheEnginesRule()
    {
        DeviceListModel m;
        rb_device_info d = info(1, "1-1", RB_MODE_NORMAL, RB_TRUST_PAIRED, "iPhone12,1");
        d.battery_percent = 19;
        m.apply(RB_DEVICE_ADDED, d);
        QCOMPARE(m.get(0).value("batteryLow").toBool(), true);   // built-in 20 %
        QTemporaryDir home;
        rb_context *ctx = nullptr;
        QCOMPARE(int(rb_context_new(&ctx, qPrintable(home.path()))), int(RB_OK));
        QCOMPARE(int(rb_context_set_setting(ctx, "restore.min_battery", "10")), int(RB_OK));
        m.setContext(ctx);
        m.apply(RB_DEVICE_CHANGED, d);
        QCOMPARE(m.get(0).value("batteryLow").toBool(), false);
        d.battery_percent = 9;
        m.apply(RB_DEVICE_CHANGED, d);
        QCOMPARE(m.get(0).value("batteryLow").toBool(), true);
        m.setContext(nullptr);
        rb_context_free(ctx);
    }

    void nextActionComesFromTheEngine()
    {
        DeviceListModel m;
        m.apply(RB_DEVICE_ADDED, info(1, "1-1", RB_MODE_NORMAL, RB_TRUST_NOT_PAIRED, "iPhone12,1"));
        QCOMPARE(m.get(0).value("nextAction").toInt(), int(RB_NEXT_ASK_TRUST));
        m.apply(RB_DEVICE_CHANGED, info(1, "1-1", RB_MODE_NORMAL, RB_TRUST_PAIRED, "iPhone12,1"));
        QCOMPARE(m.get(0).value("nextActionName").toString(), QString("verify_backup"));
        m.apply(RB_DEVICE_CHANGED, info(1, "1-1", RB_MODE_RECOVERY, RB_TRUST_NOT_APPLICABLE, "iPhone12,1"));
        QCOMPARE(m.get(0).value("nextAction").toInt(), int(RB_NEXT_EXIT_RECOVERY));
        rb_guide_state st = RB_GUIDE_STATE_INIT;
        st.restore_interrupted = 1;
        m.setGuideState("0x1", st);
        QCOMPARE(m.get(0).value("nextAction").toInt(), int(RB_NEXT_RESUME_RESTORE));
    }

    void catalogGivesDrawingAndScheme()
    {
        if (!ModelCatalog::instance()->available())
            QSKIP("no model catalog in this build");
        DeviceListModel m;
        m.apply(RB_DEVICE_ADDED, info(1, "1-1", RB_MODE_NORMAL, RB_TRUST_PAIRED, "iPhone12,1"));
        QCOMPARE(m.get(0).value("drawing").toInt(), int(RB_DRAWING_IPHONE_FACE_ID));
        QCOMPARE(m.get(0).value("buttonScheme").toInt(), int(RB_BUTTONS_VOLUP_VOLDOWN_SIDE));
        m.apply(RB_DEVICE_ADDED, info(2, "1-2", RB_MODE_NORMAL, RB_TRUST_PAIRED, "iPhone17,1"));
        QCOMPARE(m.get(1).value("drawing").toInt(), int(RB_DRAWING_IPHONE_CAMERA));
    }

    void jsonDumpHasNames()
    {
        DeviceListModel m;
        m.apply(RB_DEVICE_ADDED, info(1, "1-1", RB_MODE_DFU, RB_TRUST_NOT_APPLICABLE, "iPhone10,4"));
        const QJsonArray a = m.toJson();
        QCOMPARE(a.size(), 1);
        QCOMPARE(a.at(0).toObject().value("name").toString(), QString("iPhone10,4"));
        QCOMPARE(a.at(0).toObject().value("modeName").toString(), QString("dfu"));
    }

    void unstartedMonitorSaysSo()
    {
        DeviceMonitor *mon = DeviceMonitor::instance();
        QVERIFY(!mon->available());
        QSignalSpy done(mon, &DeviceMonitor::actionFinished);
        mon->exitRecovery("0x1");
        QCOMPARE(done.count(), 1);
        QCOMPARE(done.at(0).at(2).toInt(), int(RB_ERR_UNSUPPORTED));
    }
};

QTEST_GUILESS_MAIN(TstDeviceListModel)
#include "tst_devicelistmodel.moc"
