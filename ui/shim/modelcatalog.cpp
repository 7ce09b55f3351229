#include "modelcatalog.h"
#include "rbtext.h"

#include <QQmlEngine>
#include <cstring>

extern "C" {
#include <rescuebay/guide.h>
}

ModelCatalog *ModelCatalog::instance()
{
    static ModelCatalog *self = new ModelCatalog; // lives as long as the process
    return self;
}

ModelCatalog *ModelCatalog::create(QQmlEngine *, QJSEngine *)
{
    ModelCatalog *c = instance();
    QQmlEngine::setObjectOwnership(c, QQmlEngine::CppOwnership);
    return c;
}

ModelCatalog::ModelCatalog()
{
    // The context carries the settings (catalog.data_dir) and the error detail; the
    // catalog does not need it afterwards.
    rb_context *ctx = nullptr;
    rb_status st = rb_context_new(&ctx, nullptr);
    if (st == RB_OK)
        st = rb_catalog_open(&m_catalog, ctx, nullptr);
    if (st != RB_OK) {
        const char *why = ctx ? rb_context_last_error(ctx) : "";
        m_error = rb::displayText(*why ? why : rb_strerror(st));
        m_catalog = nullptr;
    }
    rb_context_free(ctx);
}

ModelCatalog::~ModelCatalog()
{
    rb_catalog_free(m_catalog);
}

const rb_model *ModelCatalog::find(const rb_device_info &info) const
{
    if (!m_catalog)
        return nullptr;
    if (info.product_type[0])
        if (const rb_model *m = rb_catalog_by_product_type(m_catalog, info.product_type))
            return m;
    if (info.cpid)
        return rb_catalog_by_chip(m_catalog, info.cpid, info.bdid);
    return nullptr;
}

const rb_model *ModelCatalog::findProductType(const QString &productType) const
{
    if (m_catalog)
        return rb_catalog_by_product_type(m_catalog, productType.toUtf8().constData());
    return nullptr;
}

int ModelCatalog::count() const
{
    if (m_catalog)
        return int(rb_catalog_count(m_catalog));
    return 0;
}

QVariantMap ModelCatalog::describe(const rb_model *m)
{
    QVariantMap v;
    if (!m)
        return v;
    v.insert(QStringLiteral("productType"), rb::displayText(m->product_type));
    v.insert(QStringLiteral("name"), rb::displayText(m->name));
    v.insert(QStringLiteral("chip"), rb::displayText(m->chip));
    v.insert(QStringLiteral("connector"), rb::displayText(m->connector));
    v.insert(QStringLiteral("controlsNote"), rb::displayText(m->controls_note));
    v.insert(QStringLiteral("family"), int(m->family));
    v.insert(QStringLiteral("scheme"), int(m->buttons));
    v.insert(QStringLiteral("homeButton"), int(m->home_button));
    v.insert(QStringLiteral("drawing"), int(rb_guide_drawing_for(m)));
    return v;
}

QVariantMap ModelCatalog::lookup(const QString &productType) const
{
    return describe(findProductType(productType));
}
