#include "devicemonitor.h"
#include "rbtext.h"

#include <algorithm>
#include <vector>

#include <QQmlEngine>

DeviceMonitor *DeviceMonitor::instance()
{
    static DeviceMonitor *self = new DeviceMonitor; // app-owned, outlives every QML engine
    return self;
}

DeviceMonitor *DeviceMonitor::create(QQmlEngine *, QJSEngine *)
{
    DeviceMonitor *m = instance();
    QQmlEngine::setObjectOwnership(m, QQmlEngine::CppOwnership);
    return m;
}

DeviceMonitor::DeviceMonitor()
{
    m_pool.setMaxThreadCount(4);
}

DeviceMonitor::~DeviceMonitor()
{
    stop();
    rb_context_free(m_ctx);
}

void DeviceMonitor::onEvent(const rb_device_event *event, void *payload)
{
    // Engine thread: copy, then let the GUI thread touch the model.
    auto *self = static_cast<DeviceMonitor *>(payload);
    const rb_device_info info = *event->device;
    const int type = int(event->type);
    QMetaObject::invokeMethod(self, [self, type, info] {
        self->m_model.apply(type, info);
        self->followEngineOrder();
    }, Qt::QueuedConnection);
}

// The card order is the engine's (rb_device_monitor_list, device.h); the shim never sorts.
void DeviceMonitor::followEngineOrder()
{
    if (!m_mon)
        return;
    std::vector<rb_device_info> list(size_t(std::max(m_model.rowCount(), 1)) + 4);
    size_t n = rb_device_monitor_list(m_mon, list.data(), list.size());
    if (n > list.size()) {
        list.resize(n);
        n = std::min(n, rb_device_monitor_list(m_mon, list.data(), list.size()));
    }
    QStringList keys;
    for (size_t i = 0; i < n; i++)
        keys.append(DeviceListModel::keyOf(list[i]));
    m_model.follow(keys);
}

bool DeviceMonitor::start()
{
    if (m_mon)
        return true;
    rb_status st = m_ctx ? RB_OK : rb_context_new(&m_ctx, nullptr);
    if (st == RB_OK)
        st = rb_device_monitor_new(&m_mon, m_ctx, &DeviceMonitor::onEvent, this);
    m_model.setContext(m_ctx);
    if (st != RB_OK) {
        m_error = QString::fromUtf8(rb_strerror(st));
        m_mon = nullptr;
    } else {
        m_error.clear();
    }
    emit availableChanged();
    return m_mon != nullptr;
}

bool DeviceMonitor::waitReady(int timeoutMs)
{
    if (m_mon && rb_device_monitor_wait_ready(m_mon, timeoutMs) == RB_OK)
        return true;
    return false;
}

void DeviceMonitor::stop()
{
    m_pool.waitForDone();
    rb_device_monitor_free(m_mon);
    if (m_mon) {
        m_mon = nullptr;
        emit availableChanged();
    }
}

void DeviceMonitor::setBayCount(int n)
{
    if (n < 1 || n == m_bays)
        return;
    m_bays = n;
    emit bayCountChanged();
}

void DeviceMonitor::run(Action action, const QString &key)
{
    if (!m_mon) {
        emit actionFinished(key, action, RB_ERR_UNSUPPORTED, m_error);
        return;
    }
    rb_device_monitor *mon = m_mon;
    const QByteArray id = key.toUtf8();
    m_pool.start([this, mon, id, key, action] {
        rb_status st = RB_ERR_INVALID_ARG;
        switch (action) {
        case ActionPair: st = rb_device_pair(mon, id.constData()); break;
        case ActionEnterRecovery: st = rb_device_enter_recovery(mon, id.constData()); break;
        case ActionExitRecovery: st = rb_device_exit_recovery(mon, id.constData()); break;
        }
        const QString detail = st == RB_OK ? QString()
                                           : rb::displayText(rb_device_monitor_last_error(mon));
        QMetaObject::invokeMethod(
            this, [this, key, action, st, detail] { emit actionFinished(key, action, st, detail); },
            Qt::QueuedConnection);
    });
}
