// Qt Quick Test of the kiosk's restore screens against the simulator and Debian's real
// idevicerestore: runs tests/restore/kiosk/tst_*.qml with DeviceMonitor and RestoreController
// started for real. Run by kiosk_restore_sim.sh, which starts the sim and the catalog.
// QML steers the sim through the `Sim` singleton (rescuebay-sim ctl).
#include <QProcess>
#include <QQmlEngine>
#include <QtQml/QQmlExtensionPlugin>
#include <QtQuickTest>

#include <csignal>

#include "devicemonitor.h"
#include "restorecontroller.h"

Q_IMPORT_QML_PLUGIN(RescueBay_CorePlugin)
Q_IMPORT_QML_PLUGIN(RescueBay_ThemePlugin)
Q_IMPORT_QML_PLUGIN(RescueBay_ControlsPlugin)
Q_IMPORT_QML_PLUGIN(RescueBay_ScreensPlugin)

class SimCtl : public QObject
{
    Q_OBJECT
public:
    // `rescuebay-sim ctl ARGS...`; true when it said ok.
    Q_INVOKABLE bool ctl(const QStringList &args)
    {
        QProcess p;
        p.start(qEnvironmentVariable("RB_BIN") + "/rescuebay-sim",
                QStringList{"ctl", "--listen", qEnvironmentVariable("RB_SIM_ADDR")} + args);
        return p.waitForFinished(10000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }
    // `rescuebay --home H ARGS...` with stdin; its stdout.
    Q_INVOKABLE QString cli(const QStringList &args, const QString &input)
    {
        QProcess p;
        p.start(qEnvironmentVariable("RB_BIN") + "/rescuebay", args);
        p.write(input.toUtf8());
        p.closeWriteChannel();
        p.waitForFinished(60000);
        return QString::fromUtf8(p.readAllStandardOutput());
    }
    Q_INVOKABLE QString env(const QString &name) { return qEnvironmentVariable(name.toUtf8().constData()); }
    // For a test that offers other backups (BackupVerifier reads RB_BACKUP_ROOTS on each listing).
    Q_INVOKABLE void setEnv(const QString &name, const QString &value)
    {
        qputenv(name.toUtf8().constData(), value.toUtf8());
    }
};

class Setup : public QObject
{
    Q_OBJECT
    SimCtl m_sim;
public slots:
    void applicationAvailable()
    {
        signal(SIGPIPE, SIG_IGN);   // as rescuebay-kiosk: a hung-up device is an error, not a kill
        DeviceMonitor::instance()->start();
        DeviceMonitor::instance()->waitReady(5000);
        RestoreController::instance()->start();
    }
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/"));
        qmlRegisterSingletonInstance("RescueBay.Test", 1, 0, "Sim", &m_sim);
    }
    void cleanupTestCase()
    {
        RestoreController::instance()->stop();
        DeviceMonitor::instance()->stop();
    }
};

QUICK_TEST_MAIN_WITH_SETUP(kiosk_restore, Setup)
#include "tst_kiosk_restore.moc"
