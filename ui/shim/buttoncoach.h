// The button coaching of one procedure (rescuebay/guide.h) for QML: steps, warnings, verdicts.
#pragma once

#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

class ButtonCoach : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int scheme READ scheme WRITE setScheme NOTIFY changed)
    Q_PROPERTY(int procedure READ procedure WRITE setProcedure NOTIFY changed)
    Q_PROPERTY(QString productType READ productType WRITE setProductType NOTIFY changed)
    Q_PROPERTY(QVariantList steps READ steps NOTIFY changed)
    Q_PROPERTY(int warnings READ warnings NOTIFY changed)
    Q_PROPERTY(int targetMode READ targetMode NOTIFY changed)
public:
    explicit ButtonCoach(QObject *parent = nullptr);

    int scheme() const { return m_scheme; }
    void setScheme(int s);
    int procedure() const { return m_procedure; }
    void setProcedure(int p);
    QString productType() const { return m_productType; }
    void setProductType(const QString &p);

    // The catalog's steps for scheme + procedure: [{id, action, buttons, held, seconds,
    // secondsMax, until, expect}] (Rb.StepHold, Rb.ButtonSide | ..., 10, 12, Rb.UntilUsbMode, ...)
    QVariantList steps() const;
    int warnings() const;
    int targetMode() const;

    // Rb.Verdict for a mode the monitor reported while this procedure runs.
    Q_INVOKABLE int judge(int mode) const;
    // Whether a verdict ends the procedure well (rb_guide_verdict_reached).
    Q_INVOKABLE bool reached(int verdict) const;
    // Rb.Shortcut: the software way to do this procedure from `mode`, if any.
    Q_INVOKABLE int shortcutFrom(int mode) const;

signals:
    void changed();

private:
    int m_scheme = 0;
    int m_procedure = 1; // RB_GUIDE_ENTER_DFU
    QString m_productType;
};
