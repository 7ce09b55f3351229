// The kiosk's settings for QML, over the engine's rb_context (rescuebay.conf): language,
// store details, ports, firmware cache, backup folders, kiosk lock. The shim only carries
// values; the engine stores them (atomically) and the modules that use them read them.
#pragma once

#include <QObject>
#include <QString>
#include <QTranslator>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

struct rb_context;
class QQmlEngine;
class QJSEngine;

class KioskSettings : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool available READ available CONSTANT)
    Q_PROPERTY(QString errorText READ errorText NOTIFY changed)
    Q_PROPERTY(QString language READ language NOTIFY languageChanged)
    Q_PROPERTY(QVariantList languages READ languages CONSTANT)
    Q_PROPERTY(bool locked READ locked NOTIFY changed)
    // Bumped on every change so bindings that read value() re-evaluate.
    Q_PROPERTY(int revision READ revision NOTIFY changed)
public:
    static KioskSettings *instance();
    static KioskSettings *create(QQmlEngine *engine, QJSEngine *);

    bool available() const { return m_ctx != nullptr; }
    QString errorText() const { return m_error; }
    QString language() const { return m_language; }
    QVariantList languages() const;
    bool locked() const;
    int revision() const { return m_revision; }
    // The one context the kiosk writes settings through: a second context on the same
    // rescuebay.conf would write back its stale copy over the other's changes.
    rb_context *context() const { return m_ctx; }

    // The setting `key` (rescuebay.conf), or `fallback` when unset.
    Q_INVOKABLE QString value(const QString &key, const QString &fallback = QString()) const;
    // Stores it through the engine; an empty value removes it. Returns an Rb.Status.
    Q_INVOKABLE int setValue(const QString &key, const QString &value);
    // Switches the kiosk's language now (every qsTr re-evaluates) and stores it.
    Q_INVOKABLE bool setLanguage(const QString &code);
    // The language at start: `--lang`, else the setting, else the system's. No engine needed.
    void applyLanguage(const QString &code);

signals:
    void changed();
    void languageChanged();

private:
    KioskSettings();
    ~KioskSettings() override;
    bool load(const QString &code);
    rb_context *m_ctx = nullptr;
    QQmlEngine *m_engine = nullptr;
    QTranslator m_translator;
    QString m_language = QStringLiteral("en");
    QString m_error;
    int m_revision = 0;
};
