#include "screenshots.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QImage>
#include <QInputMethod>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QVariant>

#include <cstdio>

#include "kiosksettings.h"
#include "restorecontroller.h"
#include "ticketstore.h"

extern "C" {
#include <rescuebay/guide.h>
}

namespace {

struct Shot {
    const char *name;
    const char *screen;
    int procedure;
    const char *product;    // guide: the model drawn; else the device whose flow opens
    const char *kind = "";  // what the screen shows: a sample job, a verdict, the consent
};

// One guide per drawing family (catalog product types), then the other screens. The
// restore screens show a sample job in each state (restore.h's states and causes, as the
// RestoreJobModel row would hold them): a demo restore takes minutes, a layout does not.
const Shot kShots[] = {
    {"bays", "bays", 0, ""},
    {"flow", "flow", 0, ""},
    {"backup", "backup", 0, ""},
    {"backup-restorable", "backup", 0, "iPod9,1", "restorable"},
    {"backup-damaged", "backup", 0, "iPod9,1", "damaged"},
    {"choose", "choose", 0, ""},
    {"consent-update", "choose", 0, "iPod9,1", "consent-update"},
    {"consent", "choose", 0, "iPod9,1", "consent-waiver"},
    {"restore", "restore", 0, "iPod9,1", "progress"},
    {"restore-interrupted", "restore", 0, "iPod9,1", "interrupted"},
    {"done", "done", 0, "iPod9,1", "done"},
    {"receipt", "done", 0, "iPod9,1", "receipt"},
    {"firmware", "firmware", 0, ""},
    {"guide-iphone-home-top", "guide", RB_GUIDE_ENTER_DFU, "iPhone8,4"},
    {"guide-iphone-home", "guide", RB_GUIDE_ENTER_DFU, "iPhone8,1"},
    {"guide-iphone-solid-home", "guide", RB_GUIDE_ENTER_DFU, "iPhone10,4"},
    {"guide-iphone-face-id", "guide", RB_GUIDE_ENTER_DFU, "iPhone12,1"},
    {"guide-iphone-action", "guide", RB_GUIDE_ENTER_RECOVERY, "iPhone16,1"},
    {"guide-iphone-camera", "guide", RB_GUIDE_ENTER_DFU, "iPhone17,1"},
    {"guide-ipad-home", "guide", RB_GUIDE_ENTER_DFU, "iPad7,5"},
    {"guide-ipad-top", "guide", RB_GUIDE_ENTER_DFU, "iPad8,1"},
    {"guide-ipad-top-volume", "guide", RB_GUIDE_ENTER_DFU, "iPad14,1"},
    {"guide-unknown", "guide", RB_GUIDE_ENTER_DFU, "iPhone99,9"},
    {"tickets", "tickets", 0, ""},
    {"settings", "settings", 0, ""},
    {"keyboard", "settings", 0, ""},
};
const char *const kLangs[] = {"en", "de", "fr", "es"};
// The sample that backup-restorable verifies: the demo iPod's own backup (made at build time).
const char *const kDemoIpod = "00008010-0000001A2B3C4D5E";
const struct { int w, h; } kSizes[] = {{1280, 800}, {1920, 1080}, {800, 1280}};

int g_qmlWarnings = 0;

void settle(QQuickWindow *window, int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms || window->property("busy").toBool()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        if (t.elapsed() > 5000)
            break;
    }
}

bool clipped(const QQuickItem *item)
{
    for (const QQuickItem *p = item->parentItem(); p; p = p->parentItem())
        if (p->clip())
            return true;
    return false;
}

bool shown(const QQuickItem *item)
{
    for (const QQuickItem *p = item; p; p = p->parentItem())
        if (!p->isVisible() || p->opacity() <= 0.01)
            return false;
    return true;
}

bool isTextItem(const QQuickItem *item) { return item->inherits("QQuickText"); }

struct Checker {
    QString shot;
    QRectF window;
    QList<QPair<QRectF, QQuickItem *>> texts;
    int problems = 0;

    void report(const QQuickItem *item, const char *what)
    {
        const QString text = item->property("text").toString().left(60);
        fprintf(stderr, "%s: %s: %s \"%s\"\n", qPrintable(shot), what,
                item->metaObject()->className(), qPrintable(text));
        problems++;
    }
    void walk(QQuickItem *item)
    {
        if (!shown(item))
            return;
        // Unclipped wrapped text draws its whole content, even past a box a layout made too
        // small. (Inside a Flickable, contentHeight can lag behind the final width: box only.)
        const qreal drawn = isTextItem(item) && !clipped(item)
                                ? qMax(item->height(), item->property("contentHeight").toReal())
                                : item->height();
        const QRectF r = item->mapRectToScene(QRectF(0, 0, item->width(), drawn));
        const bool isText = isTextItem(item);
        if (isText && !item->property("text").toString().isEmpty()) {
            const int elide = item->property("elide").toInt();
            const int wrap = item->property("wrapMode").toInt();
            // A Text marked `mayElide` (a list row whose whole text shows elsewhere) may.
            if (item->property("truncated").toBool() && !item->property("mayElide").toBool())
                report(item, "text cut off or elided");
            else if (elide == 0 && wrap == 0
                     && item->property("implicitWidth").toReal() > item->width() + 1)
                report(item, "text wider than its box");
            // Wrapped text a layout gave too little height to spills over what follows.
            else if (wrap != 0 && !clipped(item) && !item->clip()
                     && item->property("contentHeight").toReal() > item->height() + 2)
                report(item, "text taller than its box");
            if (!clipped(item) && !window.adjusted(-1, -1, 1, 1).contains(r) && r.width() > 0)
                report(item, "text off screen");
            // Text in a scrolling list is left out: a Flickable's layout can still be
            // settling at this point and its boxes would collide where nothing shows.
            if (!clipped(item))
                texts.append({r, item});
        }
        for (QQuickItem *c : item->childItems())
            walk(c);
    }
    void overlaps()
    {
        for (int i = 0; i < texts.size(); i++)
            for (int j = i + 1; j < texts.size(); j++) {
                const QRectF a = texts[i].first.adjusted(2, 2, -2, -2);
                const QRectF b = texts[j].first.adjusted(2, 2, -2, -2);
                if (a.intersects(b)) {
                    if (getenv("RB_SHOTS_DEBUG"))
                        fprintf(stderr, "  %g,%g %gx%g vs %g,%g %gx%g\n", a.x(), a.y(), a.width(), a.height(),
                                b.x(), b.y(), b.width(), b.height());
                    report(texts[i].second, "text overlaps another text");
                    report(texts[j].second, "  ... this one");
                }
            }
    }
};

QVariantMap sampleJob(const char *kind)
{
    using R = RestoreController;
    const bool done = !strcmp(kind, "done") || !strcmp(kind, "receipt");
    const bool interrupted = !strcmp(kind, "interrupted");
    QVariantList checks;
    for (int c = R::CheckTool; c <= R::CheckDisk; c++)
        checks.append(QVariantMap{{"check", c}, {"result", c == R::CheckFindMy ? R::CheckSkipped : R::CheckPassed},
                                  {"cause", 0}, {"warning", 0}});
    return QVariantMap{
        {"job", 7}, {"key", QString()},
        {"state", done ? R::StateDone : interrupted ? R::StateInterrupted : R::StateRestoring},
        {"stateName", done ? "done" : interrupted ? "interrupted" : "restoring"},
        {"cause", interrupted ? R::CauseDeviceGone : R::CauseNone},
        {"causeName", interrupted ? "device_gone" : "none"}, {"causeDetail", QString()},
        {"nextAction", done ? R::NextSetUpDevice : interrupted ? R::NextReconnect : R::NextWait},
        {"attempts", interrupted ? 2 : 1}, {"maxAttempts", 3},
        {"percent", done ? 100.0 : 62.0}, {"etaSeconds", done ? -1 : 260},
        {"step", R::StepUploadFs}, {"erase", true}, {"warnings", 0},
        {"productType", "iPod9,1"}, {"build", "19H370"}, {"version", "15.8"},
        {"final", done}, {"checklist", checks}};
}

QString firstTicket()
{
    TicketStore *t = TicketStore::instance();
    t->search(QString());
    return t->tickets()->rowCount() > 0 ? t->tickets()->data(t->tickets()->index(0), TicketListModel::NumberRole).toString()
                                     : QString();
}

// The backup list row of `udid` (or, for "", the first one that is not this device's).
void verifyBackup(QQuickWindow *window, QObject *flow, const QString &udid)
{
    auto *list = flow->findChild<QQuickItem *>(QStringLiteral("backupList"));
    if (!list)
        return;
    QElapsedTimer t;
    t.start();
    while (list->property("count").toInt() == 0 && t.elapsed() < 5000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    QObject *model = list->property("model").value<QObject *>();
    auto *m = qobject_cast<QAbstractItemModel *>(model);
    if (!m)
        return;
    const QHash<int, QByteArray> roles = m->roleNames();
    const int pathRole = roles.key("path"), udidRole = roles.key("udid", -1);
    for (int i = 0; i < m->rowCount(); i++) {
        const QString path = m->data(m->index(i, 0), pathRole).toString();
        const QString u = udidRole >= 0 ? m->data(m->index(i, 0), udidRole).toString() : QString();
        // The damaged sample: partial Manifest.db, blobs missing (tests/fixtures/backups).
        if (udid.isEmpty() ? path.contains(QStringLiteral("mvt-project")) : u.compare(udid, Qt::CaseInsensitive) == 0) {
            list->setProperty("currentIndex", i);
            break;
        }
    }
    if (auto *button = flow->findChild<QObject *>(QStringLiteral("verifyButton")))
        QMetaObject::invokeMethod(button, "clicked");
    auto *panel = list->parent();
    while (panel && !panel->property("verdictShown").isValid())
        panel = panel->parent();
    t.restart();
    while (panel && !panel->property("verdictShown").toBool() && t.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    settle(window, 100);
}

void showShot(QQuickWindow *window, const Shot &s)
{
    QGuiApplication::inputMethod()->hide();
    QMetaObject::invokeMethod(window, "showScreen", Q_ARG(QString, QString::fromUtf8(s.screen)),
                              Q_ARG(int, s.procedure), Q_ARG(QString, QString::fromUtf8(s.product)));
    settle(window, 150);
    QObject *flow = window->property("currentScreen").value<QObject *>();
    const char *kind = s.kind;
    if (flow && (!strcmp(kind, "progress") || !strcmp(kind, "interrupted") || !strcmp(kind, "done")
                 || !strcmp(kind, "receipt"))) {
        flow->setProperty("job", sampleJob(kind));
        if (!strcmp(kind, "receipt")) {
            flow->setProperty("ticket", firstTicket());
            settle(window, 50);
            if (auto *button = flow->findChild<QObject *>(QStringLiteral("saveReceipt")))
                QMetaObject::invokeMethod(button, "clicked");
        }
        settle(window, 100);
    } else if (flow && !strncmp(kind, "consent", 7)) {
        flow->setProperty("erase", !strcmp(kind, "consent-waiver"));
        flow->setProperty("consenting", true);
        settle(window, 50);
        // The waiver's biggest state: the customer agreed, the PIN pad is open.
        if (auto *consent = flow->findChild<QObject *>(QStringLiteral("consentPanel")))
            consent->setProperty("customerAgreed", !strcmp(kind, "consent-waiver"));
        settle(window, 100);
    } else if (flow && !strcmp(kind, "restorable")) {
        verifyBackup(window, flow, QString::fromUtf8(kDemoIpod));
    } else if (flow && !strcmp(kind, "damaged")) {
        verifyBackup(window, flow, QString());
    }
    if (!strcmp(s.name, "keyboard")) {
        // The keyboard open over the settings, on the last field of the form.
        QQuickItem *field = window->contentItem()->findChild<QQuickItem *>(QStringLiteral("rootsField"));
        if (field) {
            QQuickItem *input = field->property("input").value<QQuickItem *>();
            if (input)
                input->forceActiveFocus();
            QGuiApplication::inputMethod()->show();
        }
        settle(window, 600);
    }
}

} // namespace

int rb_kiosk_screenshots(QQmlApplicationEngine &engine, QQuickWindow *window, const char *outdir,
                         const char *onlyLang, const char *onlySize)
{
    QObject::connect(&engine, &QQmlEngine::warnings, [](const QList<QQmlError> &ws) {
        for (const QQmlError &w : ws)
            fprintf(stderr, "QML warning: %s\n", qPrintable(w.toString()));
        g_qmlWarnings += int(ws.size());
    });
    if (!QDir().mkpath(QString::fromUtf8(outdir))) {
        fprintf(stderr, "rescuebay-kiosk: --screenshots %s: cannot create the folder\n", outdir);
        return 2;
    }
    // The staff screens show what staff see: the demo's staff member signed in.
    TicketStore::instance()->signIn(QStringLiteral("demo"), QStringLiteral("1234"));
    window->show();
    int problems = 0, pictures = 0;
    for (const char *lang : kLangs) {
        if (onlyLang && strcmp(onlyLang, lang))
            continue;
        KioskSettings::instance()->applyLanguage(QString::fromUtf8(lang));
        engine.retranslate();
        for (auto size : kSizes) {
            char sz[32];
            snprintf(sz, sizeof sz, "%dx%d", size.w, size.h);
            // --size: that size alone, whether or not it is one of the three (1024x600...).
            if (onlySize && (size.w != kSizes[0].w || size.h != kSizes[0].h))
                continue;
            if (onlySize && sscanf(onlySize, "%dx%d", &size.w, &size.h) == 2)
                snprintf(sz, sizeof sz, "%dx%d", size.w, size.h);
            window->resize(size.w, size.h);
            settle(window, 100);
            for (const Shot &s : kShots) {
                showShot(window, s);
                const QString name = QStringLiteral("%1-%2-%3").arg(QString::fromUtf8(s.name),
                                                                     QString::fromUtf8(lang),
                                                                     QString::fromUtf8(sz));
                // Rendered first: the grab polishes every item, so the checks see the
                // geometry that is on the picture (a Text's wrap follows its final width).
                // A wrapped Text's new height can queue one more layout pass: grab until two
                // renders agree in size of content (at most a few passes, no timing).
                QImage picture = window->grabWindow();
                for (int pass = 0; pass < 3; pass++) {
                    QCoreApplication::processEvents();
                    const QImage again = window->grabWindow();
                    const bool same = again == picture;
                    picture = again;
                    if (same)
                        break;
                }
                Checker c{name, QRectF(0, 0, size.w, size.h), {}, 0};
                c.walk(window->contentItem());
                c.overlaps();
                problems += c.problems;
                const QString path = QString::fromUtf8(outdir) + QLatin1Char('/') + name + QStringLiteral(".png");
                if (!picture.save(path)) {
                    fprintf(stderr, "%s: cannot save\n", qPrintable(path));
                    problems++;
                }
                pictures++;
            }
        }
    }
    QGuiApplication::inputMethod()->hide();
    fprintf(stderr, "screenshots: %d pictures in %s, %d layout problem(s), %d QML warning(s)\n",
            pictures, outdir, problems, g_qmlWarnings);
    return problems || g_qmlWarnings ? 1 : 0;
}
