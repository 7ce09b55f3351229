#include "buttoncoach.h"

#include "modelcatalog.h"

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
    unsigned int held = 0;
    for (size_t i = 0; i < n; i++) {
        const rb_guide_step &s = steps[i];
        // `held`: what is under the fingers during the step, for the drawing (a release
        // step keeps the other keys held; a press is momentary).
        unsigned int during = s.buttons;
        if (s.action == RB_ACTION_HOLD)
            held = s.buttons;
        else if (s.action == RB_ACTION_RELEASE)
            during = held = held & ~s.buttons;
        else if (s.action == RB_ACTION_CONNECT)
            held = 0;
        out.append(QVariantMap{
            {QStringLiteral("id"), QString::fromUtf8(s.id ? s.id : "")},
            {QStringLiteral("action"), int(s.action)},
            {QStringLiteral("buttons"), int(s.buttons)},
            {QStringLiteral("held"), int(during)},
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

int ButtonCoach::shortcutFrom(int mode) const
{
    return int(rb_guide_shortcut_for(rb_guide_procedure(m_procedure), rb_device_mode(mode)));
}
