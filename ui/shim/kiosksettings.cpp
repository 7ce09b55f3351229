#include "kiosksettings.h"

#include <QCoreApplication>
#include <QQmlEngine>

extern "C" {
#include <rescuebay/context.h>
}

namespace {
// The shipped languages, named in their own language (never translated).
const struct { const char *code, *name; } kLanguages[] = {
    {"en", "English"}, {"de", "Deutsch"}, {"fr", "Fran\u00e7ais"}, {"es", "Espa\u00f1ol"}};
}

KioskSettings *KioskSettings::instance()
{
    static KioskSettings *s = new KioskSettings;
    return s;
}

KioskSettings *KioskSettings::create(QQmlEngine *engine, QJSEngine *)
{
    KioskSettings *s = instance();
    QQmlEngine::setObjectOwnership(s, QQmlEngine::CppOwnership);
    s->m_engine = engine;
    return s;
}

KioskSettings::KioskSettings()
{
    if (rb_context_new(&m_ctx, nullptr) != RB_OK) {
        m_error = QStringLiteral("the data folder cannot be opened");
        m_ctx = nullptr;
    }
}

KioskSettings::~KioskSettings() { rb_context_free(m_ctx); }

QVariantList KioskSettings::languages() const
{
    QVariantList out;
    for (const auto &l : kLanguages)
        out.append(QVariantMap{{QStringLiteral("code"), QString::fromUtf8(l.code)},
                               {QStringLiteral("name"), QString::fromUtf8(l.name)}});
    return out;
}

bool KioskSettings::locked() const
{
    return value(QStringLiteral("kiosk.lock"), QStringLiteral("no")) == QLatin1String("yes");
}

QString KioskSettings::value(const QString &key, const QString &fallback) const
{
    if (!m_ctx)
        return fallback;
    const QByteArray k = key.toUtf8(), f = fallback.toUtf8();
    return QString::fromUtf8(rb_context_setting(m_ctx, k.constData(), f.constData()));
}

int KioskSettings::setValue(const QString &key, const QString &value)
{
    if (!m_ctx)
        return RB_ERR_IO;
    const QByteArray k = key.toUtf8(), v = value.trimmed().toUtf8();
    const rb_status st = rb_context_set_setting(m_ctx, k.constData(), v.isEmpty() ? nullptr : v.constData());
    m_error = st == RB_OK ? QString() : QString::fromUtf8(rb_context_last_error(m_ctx));
    m_revision++;
    emit changed();
    return st;
}

bool KioskSettings::load(const QString &code)
{
    QCoreApplication::removeTranslator(&m_translator);
    if (code == QLatin1String("en")) {
        m_language = code;
        return true;   // English is the source language
    }
    if (!m_translator.load(QStringLiteral("rescuebay_") + code, QStringLiteral(":/i18n")))
        return false;
    QCoreApplication::installTranslator(&m_translator);
    m_language = code;
    return true;
}

void KioskSettings::applyLanguage(const QString &code)
{
    QString c = code.isEmpty() ? value(QStringLiteral("kiosk.language")) : code;
    if (c.isEmpty())
        c = QLocale::system().name().left(2);
    if (!load(c))
        load(QStringLiteral("en"));
    emit languageChanged();
}

bool KioskSettings::setLanguage(const QString &code)
{
    bool known = false;
    for (const auto &l : kLanguages)
        known = known || code == QLatin1String(l.code);
    if (!known || !load(code))
        return false;
    setValue(QStringLiteral("kiosk.language"), code);
    if (m_engine)
        m_engine->retranslate();
    emit languageChanged();
    return true;
}
