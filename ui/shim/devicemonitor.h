// rb_device_monitor for QML: the live device list and the device actions. Engine events
// arrive on engine threads and are copied and queued onto the GUI thread; actions that
// talk to a device run on the thread pool and report back with actionFinished().
#pragma once

#include <QObject>
#include <QThreadPool>
#include <QTimer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include "devicelistmodel.h"

class QQmlEngine;
class QJSEngine;

class DeviceMonitor : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(DeviceListModel *devices READ devices CONSTANT)
    Q_PROPERTY(bool available READ available NOTIFY availableChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY availableChanged)
    Q_PROPERTY(int bayCount READ bayCount NOTIFY bayCountChanged)
    // rb_usbmuxd_state (UsbmuxdAsking...), followed about once a second while started.
    Q_PROPERTY(int usbmuxdState READ usbmuxdState NOTIFY usbmuxdStateChanged)
    // The staff's port names, [{port: "1-1.2", label: "1"}] in label order.
    Q_PROPERTY(QVariantList ports READ ports NOTIFY portsChanged)
    Q_PROPERTY(QString portError READ portError NOTIFY portsChanged)
public:
    enum Action { ActionPair = 1, ActionEnterRecovery, ActionExitRecovery };
    Q_ENUM(Action)
    enum UsbmuxdState {
        UsbmuxdAsking = RB_USBMUXD_ASKING, UsbmuxdOk = RB_USBMUXD_OK,
        UsbmuxdNotRunning = RB_USBMUXD_NOT_RUNNING, UsbmuxdBadAnswer = RB_USBMUXD_BAD_ANSWER
    };
    Q_ENUM(UsbmuxdState)

    // The process's monitor. It watches devices only after start(); tests use it unstarted.
    static DeviceMonitor *instance();
    static DeviceMonitor *create(QQmlEngine *, QJSEngine *);

    // Starts rb_device_monitor (false, with errorText, if the engine could not).
    bool start();
    // Blocks until the first enumeration is complete (for --grab / --dump-state).
    bool waitReady(int timeoutMs);
    void stop();
    void setBayCount(int n);

    DeviceListModel *devices() { return &m_model; }
    bool available() const { return m_mon != nullptr; }
    QString errorText() const { return m_error; }
    int bayCount() const { return m_bays; }
    int usbmuxdState() const { return m_muxState; }
    QVariantList ports() const;
    QString portError() const { return m_portError; }
    // For tests of the screens without a daemon: what the engine would report.
    void setUsbmuxdStateForTest(int state);

    // Names a port ("" unnames it); the cards on it follow. False with portError if refused.
    Q_INVOKABLE bool setPortLabel(const QString &port, const QString &label);

    Q_INVOKABLE void pair(const QString &key) { run(ActionPair, key); }
    Q_INVOKABLE void enterRecovery(const QString &key) { run(ActionEnterRecovery, key); }
    Q_INVOKABLE void exitRecovery(const QString &key) { run(ActionExitRecovery, key); }

signals:
    void availableChanged();
    void bayCountChanged();
    void usbmuxdStateChanged();
    void portsChanged();
    // status is an rb_status (Rb.StatusOk, Rb.StatusNeedsButtons, ...); detail is the
    // engine's English detail for the "details" fold, never the main text.
    void actionFinished(const QString &key, int action, int status, const QString &detail);

private:
    DeviceMonitor();
    ~DeviceMonitor() override;
    static void onEvent(const rb_device_event *event, void *payload);
    void run(Action action, const QString &key);

    DeviceListModel m_model;
    rb_device_monitor *m_mon = nullptr;
    rb_context *m_ctx = nullptr; // settings (device.grace_ms); outlives m_mon
    QString m_error;
    int m_bays = 4;
    int m_muxState = RB_USBMUXD_ASKING;
    QString m_portError;
    QTimer m_muxPoll;
    rb_context *context();
    void pollUsbmuxd();
    QThreadPool m_pool;
};
