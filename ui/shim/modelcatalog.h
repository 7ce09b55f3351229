// The engine's model table for QML: name, button scheme and drawing of a model.
#pragma once

#include <QObject>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

struct rb_catalog;
struct rb_model;
struct rb_device_info;
class QQmlEngine;
class QJSEngine;

class ModelCatalog : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool available READ available CONSTANT)
    Q_PROPERTY(QString errorText READ errorText CONSTANT)
public:
    // One catalog per process, opened on first use; owned by C++, never by QML.
    static ModelCatalog *instance();
    static ModelCatalog *create(QQmlEngine *, QJSEngine *);

    bool available() const { return m_catalog != nullptr; }
    QString errorText() const { return m_error; }

    // The catalog row for a live device (by ProductType, else by CPID/BDID); may be null.
    const rb_model *find(const rb_device_info &info) const;
    const rb_model *findProductType(const QString &productType) const;
    const rb_catalog *handle() const { return m_catalog; }

    // {productType, name, chip, connector, family, scheme, homeButton, drawing, controlsNote};
    // empty map when unknown.
    Q_INVOKABLE QVariantMap lookup(const QString &productType) const;
    Q_INVOKABLE int count() const;

    static QVariantMap describe(const rb_model *m);

private:
    ModelCatalog();
    ~ModelCatalog() override;
    rb_catalog *m_catalog = nullptr;
    QString m_error;
};
