#include "guide.h"

#include "modelcatalog.h"

#include <vector>

extern "C" {
#include <rescuebay/guide.h>
}

Guide::Guide(QObject *parent) : QObject(parent) {}

void Guide::setScheme(int s)
{
    if (s == m_scheme)
        return;
    m_scheme = s;
    emit changed();
}

void Guide::setProcedure(int p)
{
    if (p == m_procedure)
        return;
    m_procedure = p;
    emit changed();
}

void Guide::setProductType(const QString &p)
{
    if (p == m_productType)
        return;
    m_productType = p;
    emit changed();
}

QVariantList Guide::steps() const
{
    QVariantList out;
#ifdef RB_HAVE_CATALOG
    const rb_catalog *cat = ModelCatalog::instance()->handle();
    const rb_guide_step *steps = nullptr;
    size_t n = 0;
    if (!cat || rb_catalog_guide_for_scheme(cat, rb_button_scheme(m_scheme),
                                            rb_guide_procedure(m_procedure), &steps, &n) != RB_OK)
        return out;
    // What is held and for how long is the engine's rule (rb_guide_pace); QML only shows it.
    std::vector<rb_guide_step_pace> pace(n);
    if (rb_guide_pace(pace.data(), steps, n) != RB_OK)
        return out;
    for (size_t i = 0; i < n; i++) {
        const rb_guide_step &s = steps[i];
        out.append(QVariantMap{
            {QStringLiteral("id"), QString::fromUtf8(s.id ? s.id : "")},
            {QStringLiteral("action"), int(s.action)},
            {QStringLiteral("buttons"), int(s.buttons)},
            {QStringLiteral("held"), int(pace[i].held)},
            {QStringLiteral("durationMs"), int(pace[i].duration_ms)},
            {QStringLiteral("waits"), pace[i].waits != 0},
            {QStringLiteral("seconds"), s.seconds},
            {QStringLiteral("secondsMax"), s.seconds_max},
            {QStringLiteral("until"), int(s.until)},
            {QStringLiteral("expect"), int(s.expect)},
        });
    }
#endif
    return out;
}

int Guide::warnings() const
{
    const rb_model *m = m_productType.isEmpty()
                            ? nullptr
                            : ModelCatalog::instance()->findProductType(m_productType);
    return int(rb_guide_warnings(m, rb_button_scheme(m_scheme), rb_guide_procedure(m_procedure)));
}

int Guide::targetMode() const
{
    return int(rb_guide_target_mode(rb_guide_procedure(m_procedure)));
}

int Guide::judge(int mode) const
{
    return int(rb_guide_judge(rb_guide_procedure(m_procedure), rb_device_mode(mode)));
}

bool Guide::reached(int verdict) const
{
    return rb_guide_verdict_reached(rb_guide_verdict(verdict)) != 0;
}

int Guide::shortcutFrom(int mode) const
{
    return int(rb_guide_shortcut_for(rb_guide_procedure(m_procedure), rb_device_mode(mode)));
}
