// rescuebay-kiosk: the touchscreen front end. See --help.
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTimer>
#include <QtQml/QQmlExtensionPlugin>

#include <csignal>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "demo.h"
#include "restorecontroller.h"
#include "devicemonitor.h"
#include "kiosksettings.h"
#include "screenshots.h"

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
    const char *screenshots = nullptr;
    bool sizeGiven = false;
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
    fputs("usage: rescuebay-kiosk [--demo [--scenario NAME|FILE]] [--home DIR] [--lang en|de|fr|es]\n"
          "                       [--bays N] [--size WxH] [--fullscreen] [--grab FILE.png] [--dump-state]\n"
          "                       [--screen bays|flow|backup|choose|restore|done|guide|tickets|firmware|settings]\n"
          "                       [--procedure 0-3] [--product TYPE] [--wait MS]\n"
          "  --demo        run on simulated devices (starts rescuebay-sim, stops it on exit)\n"
          "  --grab FILE   render once, save a screenshot, exit (offscreen if no display)\n"
          "  --screenshots DIR  every screen in every language at 1280x800, 1920x1080 and\n"
          "                800x1280 (only one with --lang / --size), checked; exit 1 on a problem\n"
          "  --dump-state  print the device list as JSON after the first enumeration, exit\n",
          f);
}

const char *const kScreens[] = {"bays", "flow", "backup", "choose", "restore", "done",
                                "guide", "tickets", "firmware", "settings"};
const char *const kLanguages[] = {"en", "de", "fr", "es"};

template <size_t N> bool oneOf(const char *v, const char *const (&list)[N])
{
    for (const char *s : list)
        if (!strcmp(v, s))
            return true;
    return false;
}

// A whole decimal number in [lo, hi], nothing after it.
bool intIn(const char *v, int lo, int hi, int &out)
{
    char *end = nullptr;
    errno = 0;
    const long n = strtol(v, &end, 10);
    if (errno || end == v || *end || n < lo || n > hi)
        return false;
    out = (int)n;
    return true;
}

// Every refusal names the option and what it accepts: exit code 2.
bool bad(const char *opt, const char *value, const char *accepts)
{
    fprintf(stderr, "rescuebay-kiosk: %s %s: %s\n", opt, value ? value : "(missing value)", accepts);
    return false;
}

bool parse(int argc, char **argv, Options &o)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = nullptr;
        auto next = [&]() {
            v = i + 1 < argc ? argv[++i] : nullptr;
            return v != nullptr;
        };
        if (!strcmp(a, "--demo")) o.demo = true;
        else if (!strcmp(a, "--dump-state")) o.dumpState = true;
        else if (!strcmp(a, "--fullscreen")) o.fullscreen = true;
        else if (!strcmp(a, "--grab")) { if (!next()) return bad(a, v, "needs a file name"); o.grab = v; }
        else if (!strcmp(a, "--screenshots")) {
            if (!next() || !*v) return bad(a, v, "needs an output folder");
            o.screenshots = v;
            o.demo = true;   // the pictures show the demo scenario's devices
        }
        else if (!strcmp(a, "--home")) { if (!next()) return bad(a, v, "needs a folder"); o.home = v; }
        else if (!strcmp(a, "--product")) { if (!next()) return bad(a, v, "needs a product type such as iPhone8,4"); o.product = v; }
        else if (!strcmp(a, "--scenario")) {
            if (!next() || !*v) return bad(a, v, "needs a scenario name or file");
            o.demoOpts.scenario = v;
        } else if (!strcmp(a, "--lang")) {
            if (!next() || !oneOf(v, kLanguages)) return bad(a, v, "is not one of en, de, fr, es");
            o.lang = v;
        } else if (!strcmp(a, "--screen")) {
            if (!next() || !oneOf(v, kScreens))
                return bad(a, v, "is not one of bays, flow, backup, choose, restore, done, guide, tickets, firmware, settings");
            o.screen = v;
        } else if (!strcmp(a, "--procedure")) {
            if (!next() || !intIn(v, 0, 3, o.procedure)) return bad(a, v, "is not a number from 0 to 3");
        } else if (!strcmp(a, "--bays")) {
            if (!next() || !intIn(v, 1, 16, o.bays)) return bad(a, v, "is not a number of ports from 1 to 16");
        } else if (!strcmp(a, "--wait")) {
            if (!next() || !intIn(v, 0, 600000, o.waitMs)) return bad(a, v, "is not a time in milliseconds");
        } else if (!strcmp(a, "--size")) {
            // Smaller than the smallest supported kiosk screen cannot show a bay and its action.
            char w[16] = "", h[16] = "";
            if (!next() || sscanf(v, "%15[0-9]x%15[0-9]", w, h) != 2
                || strlen(v) != strlen(w) + 1 + strlen(h)
                || !intIn(w, 600, 7680, o.width) || !intIn(h, 600, 7680, o.height))
                return bad(a, v, "is not WIDTHxHEIGHT between 600x600 and 7680x7680 (e.g. 1280x800)");
            o.sizeGiven = true;
        } else if (!strcmp(a, "--help") || !strcmp(a, "-h")) { usage(stdout); exit(0); }
        else if (a[0] == '-' && a[1] == '-') {
            fprintf(stderr, "rescuebay-kiosk: unknown option %s\n", a);
            return false;
        }
        // anything else (Qt's own -platform ...) is left to QGuiApplication
    }
    if (o.demoOpts.scenario.size() && !o.demo)
        return bad("--scenario", o.demoOpts.scenario.c_str(), "only applies with --demo");
    return true;
}

struct StartSettings {
    int bays = 4;
    bool fullscreen = false;
};

StartSettings readSettings()
{
    StartSettings k;
    rb_context *ctx = nullptr;
    if (rb_context_new(&ctx, nullptr) == RB_OK) {
        k.bays = atoi(rb_context_setting(ctx, "kiosk.bays", "4"));
        // A locked kiosk is always full screen: there is no window frame to close.
        k.fullscreen = !strcmp(rb_context_setting(ctx, "kiosk.fullscreen", "no"), "yes")
                       || !strcmp(rb_context_setting(ctx, "kiosk.lock", "no"), "yes");
    }
    rb_context_free(ctx);
    if (k.bays <= 0)
        k.bays = 4;
    return k;
}
} // namespace

int main(int argc, char **argv)
{
    // RB_KIOSK_BENCH=1 (bench/kiosk): print when the first frame is on screen.
    QElapsedTimer sinceStart;
    sinceStart.start();
    Options o;
    if (!parse(argc, argv, o)) {
        usage(stderr);
        return 2;
    }
    const bool headless = o.grab || o.dumpState || o.screenshots;
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
    if (headless && !getenv("QT_QPA_PLATFORM") && !getenv("DISPLAY")
        && !getenv("WAYLAND_DISPLAY"))
        setenv("QT_QPA_PLATFORM", "offscreen", 1);

    rb_demo_seed_tickets();

    // Every text field types on the on-screen keyboard (Main.qml's InputPanel).
    if (!getenv("QT_IM_MODULE"))
        setenv("QT_IM_MODULE", "qtvirtualkeyboard", 1);
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("rescuebay-kiosk"));

    // --lang, else the stored language, else the system's; switchable later in Settings.
    KioskSettings::instance()->applyLanguage(o.lang ? QString::fromUtf8(o.lang) : QString());

    DeviceMonitor *monitor = DeviceMonitor::instance();
    const StartSettings settings = readSettings();
    monitor->setBayCount(o.bays > 0 ? o.bays : settings.bays);
    if (!monitor->start())
        fprintf(stderr, "rescuebay-kiosk: device detection unavailable: %s\n",
                qPrintable(monitor->errorText()));
    if (headless) {
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
        if ((o.fullscreen || settings.fullscreen) && !o.grab) {
            // Locked: no frame, no title bar button to close it, nothing drawn over it.
            if (KioskSettings::instance()->locked())
                window->setFlags(window->flags() | Qt::FramelessWindowHint | Qt::WindowStaysOnTopHint);
            window->showFullScreen();
        }
    }

    if (window && getenv("RB_KIOSK_BENCH")) {
        QObject::connect(window, &QQuickWindow::frameSwapped, window, [sinceStart] {
            static bool once = false;
            if (!once)
                fprintf(stderr, "bench: first frame %lld ms pid %ld\n", (long long)sinceStart.elapsed(),
                        (long)QCoreApplication::applicationPid());
            once = true;
        });
        // Attach -> card (bench/kiosk): the Repeater makes a device's card when its row is
        // inserted; the first frame drawn after that shows it. Wall-clock ms, so the bench
        // compares it with the time it plugged the device in with `rescuebay-sim ctl`.
        static int pending = 0;
        QObject::connect(monitor->devices(), &QAbstractItemModel::rowsInserted, window,
                         [](const QModelIndex &, int first, int last) { pending += last - first + 1; });
        QObject::connect(monitor->devices(), &QAbstractItemModel::rowsRemoved, window, [monitor] {
            fprintf(stderr, "bench: devices %d\n", int(monitor->devices()->rowCount()));
        });
        QObject::connect(window, &QQuickWindow::frameSwapped, window, [monitor] {
            if (pending <= 0)
                return;
            pending = 0;
            fprintf(stderr, "bench: card shown at %lld devices %d\n",
                    (long long)QDateTime::currentMSecsSinceEpoch(), int(monitor->devices()->rowCount()));
        });
    }
    if (o.screenshots && window) {
        const QByteArray size = QStringLiteral("%1x%2").arg(o.width).arg(o.height).toUtf8();
        const int rc = rb_kiosk_screenshots(engine, window, o.screenshots, o.lang,
                                            o.sizeGiven ? size.constData() : nullptr);
        monitor->stop();
        return rc;
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
