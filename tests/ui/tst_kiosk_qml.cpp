// Runs every tests/ui/tst_*.qml against the kiosk's static QML modules (qmltestrunner
// cannot see static modules).
#include <QQmlEngine>
#include <QTemporaryDir>
#include <QtQml/QQmlExtensionPlugin>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(RescueBay_CorePlugin)
Q_IMPORT_QML_PLUGIN(RescueBay_ThemePlugin)
Q_IMPORT_QML_PLUGIN(RescueBay_ControlsPlugin)
Q_IMPORT_QML_PLUGIN(RescueBay_ScreensPlugin)

class Setup : public QObject
{
    Q_OBJECT
    QTemporaryDir m_home;   // a fresh data folder per run: the ticket tests start from zero
public slots:
    void applicationAvailable()
    {
        // RB_TEST_KEEP_HOME=1: use the given RESCUEBAY_HOME (to look at screens with data).
        if (qEnvironmentVariableIsEmpty("RB_TEST_KEEP_HOME"))
            qputenv("RESCUEBAY_HOME", m_home.path().toUtf8());
    }
    void qmlEngineAvailable(QQmlEngine *engine) { engine->addImportPath(QStringLiteral("qrc:/")); }
};

QUICK_TEST_MAIN_WITH_SETUP(kiosk, Setup)
#include "tst_kiosk_qml.moc"
