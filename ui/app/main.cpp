// rescuebay-kiosk: the touchscreen front end. See --help.
#include <QDir>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTimer>
#include <QTranslator>
#include <QtQml/QQmlExtensionPlugin>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "demo.h"
#include "restorecontroller.h"
#include "devicemonitor.h"

extern "C" {
#include <rescuebay/context.h>
}

Q_IMPORT_QML_PLUGIN(RescueBay_CorePlugin)
Q_IMPORT_QML_PLUGIN(RescueBay_ThemePlugin)
Q_IMPORT_QML_PLUGIN(RescueBay_ControlsPlugin)
Q_IMPORT_QML_PLUGIN(RescueBay_ScreensPlugin)

namespace {
struct Options {
    bool demo = false;
    bool dumpState = false;
    bool fullscreen = false;
    const char *grab = nullptr;
    const char *lang = nullptr;
    const char *home = nullptr;
    const char *screen = "bays";
    const char *product = "";
    int procedure = 1; // Rb.EnterDfu
    int bays = 0;
    int width = 1280, height = 800;
    int waitMs = 3000;
    DemoOptions demoOpts;
};

void usage(FILE *f)
{
    fputs("usage: rescuebay-kiosk [--demo [--scenario FILE]] [--home DIR] [--lang de|en]\n"
          "                       [--bays N] [--size WxH] [--fullscreen] [--grab FILE.png] [--dump-state]\n"
          "                       [--screen bays|flow|backup|choose|restore|done|guide|tickets|firmware]\n"
          "                       [--procedure 0-3] [--product TYPE]\n"
          "  --demo        run on simulated devices (starts rescuebay-sim, stops it on exit)\n"
          "  --grab FILE   render once, save a screenshot, exit (offscreen if no display)\n"
          "  --dump-state  print the device list as JSON after the first enumeration, exit\n",
          f);
}

bool parse(int argc, char **argv, Options &o)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        auto next = [&](const char *&dst) {
            if (i + 1 >= argc)
                return false;
            dst = argv[++i];
            return true;
        };
        const char *v = nullptr;
        if (!strcmp(a, "--demo")) o.demo = true;
        else if (!strcmp(a, "--dump-state")) o.dumpState = true;
        else if (!strcmp(a, "--fullscreen")) o.fullscreen = true;
        else if (!strcmp(a, "--grab")) { if (!next(o.grab)) return false; }
        else if (!strcmp(a, "--lang")) { if (!next(o.lang)) return false; }
        else if (!strcmp(a, "--home")) { if (!next(o.home)) return false; }
        else if (!strcmp(a, "--screen")) { if (!next(o.screen)) return false; }
        else if (!strcmp(a, "--product")) { if (!next(o.product)) return false; }
        else if (!strcmp(a, "--scenario")) { if (!next(v)) return false; o.demoOpts.scenario = v; }
        else if (!strcmp(a, "--procedure")) { if (!next(v)) return false; o.procedure = atoi(v); }
        else if (!strcmp(a, "--bays")) { if (!next(v)) return false; o.bays = atoi(v); }
        else if (!strcmp(a, "--wait")) { if (!next(v)) return false; o.waitMs = atoi(v); }
        else if (!strcmp(a, "--size")) {
            if (!next(v) || sscanf(v, "%dx%d", &o.width, &o.height) != 2) return false;
        } else if (!strcmp(a, "--help") || !strcmp(a, "-h")) { usage(stdout); exit(0); }
        else if (a[0] == '-' && a[1] == '-') return false;
        // anything else (Qt's own -platform ...) is left to QGuiApplication
    }
    return true;
}

struct KioskSettings {
    int bays = 4;
    bool fullscreen = false;
};

KioskSettings readSettings()
{
    KioskSettings k;
    rb_context *ctx = nullptr;
    if (rb_context_new(&ctx, nullptr) == RB_OK) {
        k.bays = atoi(rb_context_setting(ctx, "kiosk.bays", "4"));
        k.fullscreen = !strcmp(rb_context_setting(ctx, "kiosk.fullscreen", "no"), "yes");
    }
    rb_context_free(ctx);
    if (k.bays <= 0)
        k.bays = 4;
    return k;
}
} // namespace

int main(int argc, char **argv)
{
    Options o;
    if (!parse(argc, argv, o)) {
        usage(stderr);
        return 2;
    }
    const bool headless = o.grab || o.dumpState;
    if (!headless && !getenv("QT_QPA_PLATFORM") && !getenv("DISPLAY") && !getenv("WAYLAND_DISPLAY")) {
        fputs("rescuebay-kiosk: no display (DISPLAY and WAYLAND_DISPLAY are unset). Run it in a\n"
              "desktop or kiosk session (cage, weston), set QT_QPA_PLATFORM (eglfs, linuxfb),\n"
              "or take a screenshot with --grab FILE.png.\n", stderr);
        return 2;
    }
    if (o.demo) {
        o.demoOpts.ownHome = o.home != nullptr;
        const int rc = rb_demo_supervise(argv, o.demoOpts);
        if (rc >= 0)
            return rc;
    }
    // A phone that reboots hangs up its usbmuxd/lockdown connections; a write to such a
    // socket must be an error the engine handles, not a signal that kills the kiosk.
    signal(SIGPIPE, SIG_IGN);
    if (o.home)
        setenv("RESCUEBAY_HOME", o.home, 1);
    // Screenshots and state dumps must work on a machine without a display (CI).
    if ((o.grab || o.dumpState) && !getenv("QT_QPA_PLATFORM") && !getenv("DISPLAY")
        && !getenv("WAYLAND_DISPLAY"))
        setenv("QT_QPA_PLATFORM", "offscreen", 1);

    rb_demo_seed_tickets();

    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("rescuebay-kiosk"));

    QTranslator translator;
    const QLocale locale = o.lang ? QLocale(QString::fromUtf8(o.lang)) : QLocale::system();
    if (translator.load(locale, QStringLiteral("rescuebay"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);
    else if (o.lang && strcmp(o.lang, "en") != 0)
        fprintf(stderr, "rescuebay-kiosk: no translation for \"%s\", using English\n", o.lang);

    DeviceMonitor *monitor = DeviceMonitor::instance();
    const KioskSettings settings = readSettings();
    monitor->setBayCount(o.bays > 0 ? o.bays : settings.bays);
    if (!monitor->start())
        fprintf(stderr, "rescuebay-kiosk: device detection unavailable: %s\n",
                qPrintable(monitor->errorText()));
    if (o.grab || o.dumpState) {
        monitor->waitReady(o.waitMs);
        // Let the queued device events reach the model.
        for (int i = 0; i < 5; i++)
            QCoreApplication::processEvents();
    }

    // Unfinished restore jobs (a crash, a power cut) are adopted now and shown on their
    // cards; they go on by themselves.
    RestoreController *restores = RestoreController::instance();
    if (!o.dumpState && !restores->start())
        fprintf(stderr, "rescuebay-kiosk: restores unavailable: %s\n",
                qPrintable(restores->errorText()));

    if (o.dumpState) {
        QJsonObject state{{QStringLiteral("available"), monitor->available()},
                          {QStringLiteral("error"), monitor->errorText()},
                          {QStringLiteral("bays"), monitor->bayCount()},
                          {QStringLiteral("devices"), monitor->devices()->toJson()}};
        fputs(QJsonDocument(state).toJson(QJsonDocument::Indented).constData(), stdout);
        monitor->stop();
        return 0;
    }

    QQmlApplicationEngine engine;
    // Qt 6.4 has no loadFromModule: the static modules' qmldirs live under qrc:/.
    engine.addImportPath(QStringLiteral("qrc:/"));
    engine.setInitialProperties({{QStringLiteral("startScreen"), QString::fromUtf8(o.screen)},
                                 {QStringLiteral("startProcedure"), o.procedure},
                                 {QStringLiteral("startProductType"), QString::fromUtf8(o.product)}});
    engine.load(QUrl(QStringLiteral("qrc:/RescueBay/Screens/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (window) {
        window->resize(o.width, o.height);
        // The counter screen belongs to the kiosk; screenshots keep their exact size.
        if ((o.fullscreen || settings.fullscreen) && !o.grab)
            window->showFullScreen();
    }

    if (o.grab && window) {
        const QString out = QString::fromUtf8(o.grab);
        QTimer::singleShot(1200, window, [window, out] {
            const bool ok = window->grabWindow().save(out);
            fprintf(stderr, "grab %s: %s\n", qPrintable(out), ok ? "ok" : "FAILED");
            QCoreApplication::exit(ok ? 0 : 3);
        });
    }
    const int rc = app.exec();
    restores->stop();
    monitor->stop();
    return rc;
}
