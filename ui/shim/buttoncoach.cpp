#include "buttoncoach.h"

#include "modelcatalog.h"

#include <vector>

extern "C" {
#include <rescuebay/guide.h>
}

ButtonCoach::ButtonCoach(QObject *parent) : QObject(parent) {}

void ButtonCoach::setScheme(int s)
{
    if (s == m_scheme)
        return;
    m_scheme = s;
    emit changed();
}

void ButtonCoach::setProcedure(int p)
{
    if (p == m_procedure)
        return;
    m_procedure = p;
    emit changed();
}

void ButtonCoach::setProductType(const QString &p)
{
    if (p == m_productType)
        return;
    m_productType = p;
    emit changed();
}

QVariantList ButtonCoach::steps() const
{
    QVariantList out;
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
    return out;
}

int ButtonCoach::warnings() const
{
    const rb_model *m = m_productType.isEmpty()
                            ? nullptr
                            : ModelCatalog::instance()->findProductType(m_productType);
    return int(rb_guide_warnings(m, rb_button_scheme(m_scheme), rb_guide_procedure(m_procedure)));
}

int ButtonCoach::targetMode() const
{
    return int(rb_guide_target_mode(rb_guide_procedure(m_procedure)));
}

int ButtonCoach::judge(int mode) const
{
    return int(rb_guide_judge(rb_guide_procedure(m_procedure), rb_device_mode(mode)));
}

bool ButtonCoach::reached(int verdict) const
{
    return rb_guide_verdict_reached(rb_guide_verdict(verdict)) != 0;
}

int ButtonCoach::shortcutFrom(int mode) const
{
    return int(rb_guide_shortcut_for(rb_guide_procedure(m_procedure), rb_device_mode(mode)));
}
