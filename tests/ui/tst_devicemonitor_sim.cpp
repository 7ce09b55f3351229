// DeviceMonitor against rescuebay-sim (three-bays), through the real engine and the real
// libimobiledevice/libirecovery: events reach the model on the GUI thread, one row per
// ECID across reboots into other modes, and the one-tap exit from recovery works.
// Run by kiosk_monitor_sim.sh, which starts the simulator and sets the environment.
#include <QFile>
#include <QProcess>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QSignalSpy>
#include <QtQml/QQmlExtensionPlugin>
#include <QtTest>

#include <csignal>

#include "devicelistmodel.h"
#include "devicemonitor.h"

Q_IMPORT_QML_PLUGIN(RescueBay_CorePlugin)
Q_IMPORT_QML_PLUGIN(RescueBay_ThemePlugin)
Q_IMPORT_QML_PLUGIN(RescueBay_ControlsPlugin)
Q_IMPORT_QML_PLUGIN(RescueBay_ScreensPlugin)

class TstDeviceMonitorSim : public QObject
{
    Q_OBJECT
    DeviceMonitor *mon = nullptr;
    DeviceListModel *model = nullptr;

    int rowOf(const QString &name)
    {
        for (int i = 0; i < model->rowCount(); i++)
            if (model->get(i).value("name").toString() == name)
                return i;
        return -1;
    }
    QVariantMap row(const QString &name) { return model->get(rowOf(name)); }
    // Repeater-made items are visual children only (QObject::findChildren misses them).
    static int countItems(QQuickItem *item, const QString &name)
    {
        int n = item->objectName() == name ? 1 : 0;
        for (QQuickItem *c : item->childItems())
            n += countItems(c, name);
        return n;
    }
    void ctl(const QStringList &args)
    {
        QProcess p;
        p.start(qEnvironmentVariable("RB_BIN") + "/rescuebay-sim",
                QStringList{"ctl", "--listen", qEnvironmentVariable("RB_SIM_ADDR")} + args);
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 0);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("RB_SIM_ADDR"), "run through kiosk_monitor_sim.sh");
        // As rescuebay-kiosk does (QtTest's crash handler would otherwise catch it).
        signal(SIGPIPE, SIG_IGN);
        mon = DeviceMonitor::instance();
        model = mon->devices();
        QVERIFY2(mon->start(), qPrintable(mon->errorText()));
        mon->waitReady(5000);
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 3, 10000);
    }

    void identifiesEveryBay()
    {
        QTRY_VERIFY_WITH_TIMEOUT(rowOf("iPhone 11") >= 0, 5000);
        QVERIFY(rowOf("iPhone 8") >= 0);
        QVERIFY(rowOf("iPad (7th gen)") >= 0);
        QCOMPARE(row("iPad (7th gen)").value("mode").toInt(), int(RB_MODE_RECOVERY));
        QCOMPARE(row("iPad (7th gen)").value("nextActionName").toString(), QString("exit_recovery"));
        QCOMPARE(row("iPhone 8").value("trust").toInt(), int(RB_TRUST_NOT_PAIRED));
        QCOMPARE(row("iPhone 8").value("nextActionName").toString(), QString("ask_trust"));
        QCOMPARE(row("iPhone 8").value("drawing").toInt(), int(RB_DRAWING_IPHONE_SOLID_HOME));
        QCOMPARE(row("iPhone 11").value("drawing").toInt(), int(RB_DRAWING_IPHONE_FACE_ID));
        QCOMPARE(row("iPad (7th gen)").value("drawing").toInt(), int(RB_DRAWING_IPAD_HOME));
    }

    // "Ask customer to tap Trust": the prompt shows, the customer accepts, the card follows.
    void trustIsAskedAndFollowed()
    {
        const QString key = row("iPhone 8").value("key").toString();
        QSignalSpy done(mon, &DeviceMonitor::actionFinished);
        mon->pair(key);
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 10000);
        const int st = done.at(0).at(2).toInt();
        QVERIFY2(st == RB_OK || st == RB_ERR_PAIR_PENDING, qPrintable(QString::number(st)));
        QTRY_COMPARE_WITH_TIMEOUT(model->get(model->indexOf(key)).value("trust").toInt(),
                                  int(RB_TRUST_PAIRED), 15000);
        QCOMPARE(model->get(model->indexOf(key)).value("nextActionName").toString(),
                 QString("verify_backup"));
        model->setBackupVerified(key, true);
        QCOMPARE(model->get(model->indexOf(key)).value("nextActionName").toString(), QString("choose"));
    }

    void sameDeviceAcrossModes()
    {
        const QString key = row("iPhone 8").value("key").toString();
        QVERIFY(key.startsWith("0x"));
        QSignalSpy seen(model, &DeviceListModel::deviceSeen);
        ctl({"reboot", key, "dfu"});
        QTRY_VERIFY_WITH_TIMEOUT(model->indexOf(key) >= 0
                                 && model->get(model->indexOf(key)).value("mode").toInt() == RB_MODE_DFU,
                                 10000);
        QCOMPARE(model->rowCount(), 3);
        // What the guide's live strip would say to someone entering DFU: success.
        bool sawDfu = false;
        for (const auto &args : seen)
            if (args.at(0).toString() == key && args.at(1).toInt() == RB_MODE_DFU)
                sawDfu = rb_guide_judge(RB_GUIDE_ENTER_DFU, RB_MODE_DFU) == RB_VERDICT_SUCCESS;
        QVERIFY(sawDfu);
        QCOMPARE(model->get(model->indexOf(key)).value("nextActionName").toString(), QString("restore"));
        ctl({"reboot", key, "normal"});
        QTRY_VERIFY_WITH_TIMEOUT(model->indexOf(key) >= 0
                                 && model->get(model->indexOf(key)).value("mode").toInt() == RB_MODE_NORMAL,
                                 10000);
    }

    void exitRecoveryWithOneTap()
    {
        const QString key = row("iPad (7th gen)").value("key").toString();
        QSignalSpy done(mon, &DeviceMonitor::actionFinished);
        mon->exitRecovery(key);
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 10000);
        QCOMPARE(done.at(0).at(0).toString(), key);
        QCOMPARE(done.at(0).at(2).toInt(), int(RB_OK));
        QTRY_VERIFY_WITH_TIMEOUT(model->indexOf(key) >= 0
                                 && model->get(model->indexOf(key)).value("mode").toInt() == RB_MODE_NORMAL,
                                 15000);
    }

    // The guide screen's live strip follows what the simulator's device really does.
    void guideLiveStripJudgesWhatHappens()
    {
        const QString key = row("iPhone 8").value("key").toString();
        QQmlEngine engine;
        engine.addImportPath(QStringLiteral("qrc:/"));
        QQmlComponent c(&engine);
        c.setData("import RescueBay.Screens\nGuideScreen { width: 1280; height: 720 }", QUrl());
        QScopedPointer<QObject> guide(c.createWithInitialProperties(
            {{"deviceKey", key}, {"procedure", int(RB_GUIDE_ENTER_DFU)}}));
        QVERIFY2(guide, qPrintable(c.errorString()));
        QVERIFY(QMetaObject::invokeMethod(guide.data(), "start"));
        auto *strip = guide->findChild<QObject *>("verdictText");
        QVERIFY(strip);
        // Released too late: the phone shows up in recovery mode instead of DFU.
        ctl({"reboot", key, "recovery"});
        QTRY_VERIFY_WITH_TIMEOUT(strip->property("text").toString().contains("released the side button too late"), 10000);
        QVERIFY(!guide->property("running").toBool());
        // Try again, this time right.
        QVERIFY(QMetaObject::invokeMethod(guide.data(), "start"));
        ctl({"reboot", key, "dfu"});
        QTRY_VERIFY_WITH_TIMEOUT(strip->property("text").toString().contains("Done"), 10000);
        QVERIFY(strip->property("text").toString().contains("DFU"));
        ctl({"reboot", key, "normal"});
        QTRY_VERIFY_WITH_TIMEOUT(model->get(model->indexOf(key)).value("mode").toInt() == RB_MODE_NORMAL, 10000);
    }

    // Bays are ports: named ports order the cards, and a replugged phone returns to its
    // port's card with the port's name.
    void replugReturnsToItsPort()
    {
        const QString key = row("iPhone 11").value("key").toString();
        QCOMPARE(row("iPhone 11").value("location").toString(), QString("1-1"));
        QVERIFY(mon->setPortLabel("1-3", "1"));
        QVERIFY(mon->setPortLabel("1-1", "2"));
        QTRY_COMPARE_WITH_TIMEOUT(model->get(0).value("location").toString(), QString("1-3"), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(model->get(1).value("portLabel").toString(), QString("2"), 5000);
        QCOMPARE(model->get(1).value("key").toString(), key);
        ctl({"replug", key, "1-5"});
        QTRY_COMPARE_WITH_TIMEOUT(row("iPhone 11").value("location").toString(), QString("1-5"), 10000);
        QCOMPARE(model->indexOf(key), 2); // unnamed port: after the named ones and 1-2
        QCOMPARE(model->rowCount(), 3);
        ctl({"replug", key, "1-1"});
        QTRY_COMPARE_WITH_TIMEOUT(model->indexOf(key), 1, 10000);
        QCOMPARE(model->get(1).value("portLabel").toString(), QString("2"));
        QVERIFY(mon->setPortLabel("1-3", ""));
        QVERIFY(mon->setPortLabel("1-1", ""));
        QCOMPARE(mon->ports().size(), 0);
    }

    void unplugRemovesTheRow()
    {
        const QString key = row("iPhone 11").value("key").toString();
        ctl({"detach", key});
        QTRY_COMPARE_WITH_TIMEOUT(model->indexOf(key), -1, 10000);
        QCOMPARE(model->rowCount(), 2);
    }

    // usbmuxd stops (the sim exits when its socket file goes): the Bays screen says so and
    // how to fix it, and shows no empty bay that a phone could never fill.
    void usbmuxdDownIsShownNotEmptyBays()
    {
        QQmlEngine engine;
        engine.addImportPath(QStringLiteral("qrc:/"));
        QQmlComponent c(&engine);
        c.setData("import RescueBay.Screens\nBaysScreen { width: 1280; height: 720 }", QUrl());
        QScopedPointer<QObject> bays(c.create());
        QVERIFY2(bays, qPrintable(c.errorString()));
        auto *warn = bays->findChild<QObject *>("usbmuxdDown");
        QVERIFY(warn);
        QVERIFY(!warn->property("visible").toBool());
        auto *root = qobject_cast<QQuickItem *>(bays.data());
        QVERIFY(root);
        QTRY_VERIFY_WITH_TIMEOUT(countItems(root, "emptyBay") > 0, 5000); // 2 phones, 4 bays
        QVERIFY(QFile::remove(qEnvironmentVariable("RB_SIM_ADDR").mid(5)));
        QTRY_COMPARE_WITH_TIMEOUT(mon->usbmuxdState(), int(RB_USBMUXD_NOT_RUNNING), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(warn->property("visible").toBool(), 5000);
        QVERIFY(warn->property("text").toString().contains("systemctl start usbmuxd"));
        QTRY_COMPARE_WITH_TIMEOUT(countItems(root, "emptyBay"), 0, 5000);
    }

    void cleanupTestCase() { mon->stop(); }
};

QTEST_MAIN(TstDeviceMonitorSim)
#include "tst_devicemonitor_sim.moc"
