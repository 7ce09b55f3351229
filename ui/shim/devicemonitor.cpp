#include "devicemonitor.h"
#include "kiosksettings.h"
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
    // The engine has no event for usbmuxd coming and going; a look per second costs a
    // mutex, and the timer runs only while the monitor does.
    m_muxPoll.setInterval(1000);
    connect(&m_muxPoll, &QTimer::timeout, this, &DeviceMonitor::pollUsbmuxd);
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
    }, Qt::QueuedConnection);
}

bool DeviceMonitor::start()
{
    if (m_mon)
        return true;
    rb_context *ctx = context();
    rb_status st = ctx ? rb_device_monitor_new(&m_mon, ctx, &DeviceMonitor::onEvent, this)
                       : RB_ERR_NOMEM;
    m_model.setContext(ctx);
    if (st != RB_OK) {
        m_error = QString::fromUtf8(rb_strerror(st));
        m_mon = nullptr;
    } else {
        m_error.clear();
        m_muxPoll.start();
    }
    emit availableChanged();
    emit portsChanged();
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
    m_muxPoll.stop();
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

void DeviceMonitor::pollUsbmuxd()
{
    const int st = m_mon ? int(rb_device_monitor_usbmuxd_state(m_mon)) : int(RB_USBMUXD_ASKING);
    if (st != m_muxState) {
        m_muxState = st;
        emit usbmuxdStateChanged();
    }
}

void DeviceMonitor::setUsbmuxdStateForTest(int state)
{
    if (state == m_muxState)
        return;
    m_muxState = state;
    emit usbmuxdStateChanged();
}

rb_context *DeviceMonitor::context()
{
    // KioskSettings' context: ports.names must not be overwritten by its stale copy.
    if (rb_context *shared = KioskSettings::instance()->context())
        return shared;
    if (!m_ctx && rb_context_new(&m_ctx, nullptr) != RB_OK)
        m_ctx = nullptr;
    return m_ctx;
}

QVariantList DeviceMonitor::ports() const
{
    QVariantList out;
    rb_context *ctx = const_cast<DeviceMonitor *>(this)->context();
    rb_port_label v[64];
    const size_t n = rb_device_port_labels(v, 64, ctx);
    for (size_t i = 0; i < n && i < 64; i++)
        out.append(QVariantMap{{QStringLiteral("port"), QString::fromUtf8(v[i].port)},
                               {QStringLiteral("label"), QString::fromUtf8(v[i].label)}});
    return out;
}

bool DeviceMonitor::setPortLabel(const QString &port, const QString &label)
{
    const QByteArray p = port.toUtf8(), l = label.trimmed().toUtf8();
    rb_status st;
    if (m_mon) {
        st = rb_device_monitor_set_port_label(m_mon, p.constData(), l.constData());
        m_portError = st == RB_OK ? QString() : rb::displayText(rb_device_monitor_last_error(m_mon));
    } else {
        rb_context *ctx = context();
        st = ctx ? rb_device_set_port_label(ctx, p.constData(), l.constData()) : RB_ERR_NOMEM;
        m_portError = st == RB_OK || !ctx ? QString() : rb::displayText(rb_context_last_error(ctx));
    }
    emit portsChanged();
    return st == RB_OK;
}
