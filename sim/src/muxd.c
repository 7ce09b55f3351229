/* muxd.c - the fake usbmuxd: device list, Listen events, pair records, Connect, and the
 * device state changes (plug, unplug, reboot into a mode) that drive those events. */
#include "sim.h"
#include "hostile.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#define LOCKDOWN_PORT 62078
enum { RES_OK = 0, RES_BADCOMMAND = 1, RES_BADDEV = 2, RES_CONNREFUSED = 3 };

static int mux_visible(const struct sim_device *d)
{
    return d->attached && !d->rebooting && (d->mode == SIM_NORMAL || d->mode == SIM_RESTORE);
}

static int usb_visible(const struct sim_device *d)
{
    return d->attached && !d->rebooting && (d->mode == SIM_RECOVERY || d->mode == SIM_DFU);
}

void sim_device_props(const struct sim_device *d, plist_t props)
{
    char usbserial[64];
    size_t j = 0;
    for (const char *p = d->p.udid; *p && j + 1 < sizeof usbserial; p++)
        if (*p != '-')
            usbserial[j++] = *p;
    usbserial[j] = 0;
    int ipad = !strcmp(d->p.device_class, "iPad");
    plist_dict_set_item(props, "ConnectionSpeed", plist_new_uint(480000000));
    plist_dict_set_item(props, "ConnectionType", plist_new_string("USB"));
    plist_dict_set_item(props, "DeviceID", plist_new_uint((uint64_t)d->device_id));
    /* as Linux usbmuxd: (bus << 16) | address, the address new on every appearance */
    plist_dict_set_item(props, "LocationID",
                        plist_new_uint(((uint64_t)sim_port_bus(d->port) << 16) |
                                       (uint64_t)d->usb_addr));
    plist_dict_set_item(props, "ProductID", plist_new_uint(ipad ? 0x12ab : 0x12a8));
    plist_dict_set_item(props, "SerialNumber", plist_new_string(d->p.udid));
    plist_dict_set_item(props, "USBSerialNumber", plist_new_string(usbserial));
}

static plist_t attached_msg(const struct sim_device *d)
{
    plist_t m = plist_new_dict();
    plist_dict_set_item(m, "MessageType", plist_new_string("Attached"));
    plist_dict_set_item(m, "DeviceID", plist_new_uint((uint64_t)d->device_id));
    plist_t props = plist_new_dict();
    sim_device_props(d, props);
    plist_dict_set_item(m, "Properties", props);
    return m;
}

/* Under lock. A listener that cannot take the event within a second is dropped. */
static void broadcast(plist_t msg)
{
    struct sim *s = &g_sim;
    for (int i = 0; i < s->nlisteners;) {
        if (sim_mux_send(s->listeners[i], 0, msg) != 0) {
            shutdown(s->listeners[i], SHUT_RDWR);
            s->listeners[i] = s->listeners[--s->nlisteners];
        } else {
            i++;
        }
    }
    plist_free(msg);
}

/* Under lock: applies a new (attached, rebooting, mode) and tells Listen clients. */
static void transition(struct sim_device *d, int attached, int rebooting, sim_mode mode)
{
    int was_mux = mux_visible(d), was_usb = usb_visible(d);
    sim_mode old_mode = d->mode;
    if (was_mux) {
        plist_t m = plist_new_dict();
        plist_dict_set_item(m, "MessageType", plist_new_string("Detached"));
        plist_dict_set_item(m, "DeviceID", plist_new_uint((uint64_t)d->device_id));
        broadcast(m);
    }
    if (was_mux && !(attached && !rebooting && (mode == SIM_NORMAL || mode == SIM_RESTORE))) {
        /* unplugged or rebooting: its connections die and its service ports vanish */
        for (int i = 0; i < d->nconns; i++)
            shutdown(d->conns[i], SHUT_RDWR);
        for (int i = 0; i < SIM_MAX_PORTS; i++) {
            X509_free(d->ports[i].root);
            d->ports[i].root = NULL;
            d->ports[i].port = 0;
        }
    }
    d->attached = attached;
    d->rebooting = rebooting;
    d->mode = mode;
    d->epoch++;
    if (was_mux || was_usb)
        sim_usb_place(d, 0);
    if (mux_visible(d) || usb_visible(d))
        sim_usb_place(d, 1);
    if (mux_visible(d)) {
        d->device_id = g_sim.next_device_id++;
        broadcast(attached_msg(d));
    }
    if (usb_visible(d) && (!was_usb || old_mode != mode))
        d->usb_gen++;
}

void sim_set_attached(struct sim_device *d, int on) { transition(d, on, 0, d->mode); }
void sim_set_mode(struct sim_device *d, sim_mode m) { transition(d, d->attached, 0, m); }

void sim_replug(struct sim_device *d, const char *port)
{
    transition(d, 0, d->rebooting, d->mode);
    snprintf(d->port, sizeof d->port, "%s", port);
    transition(d, 1, d->rebooting, d->mode);
}

struct later {
    struct sim_device *d;
    sim_mode mode;
    int delay_ms;
    unsigned epoch;
};

static void *later_main(void *arg)
{
    struct later *l = arg;
    sim_msleep(l->delay_ms);
    pthread_mutex_lock(&g_sim.lock);
    if (l->d->epoch == l->epoch)
        transition(l->d, l->d->attached, 0, l->mode);
    pthread_mutex_unlock(&g_sim.lock);
    free(l);
    return NULL;
}

/* Under lock: the device goes away now (reboot) and comes back in mode m later. */
void sim_later_mode(struct sim_device *d, sim_mode m)
{
    int delay_ms = d->p.reboot_ms >= 0 ? d->p.reboot_ms : g_sim.reboot_ms;
    transition(d, d->attached, 1, d->mode);
    struct later *l = malloc(sizeof *l);
    pthread_t th;
    if (!l)
        return;
    *l = (struct later){d, m, delay_ms, d->epoch};
    if (pthread_create(&th, NULL, later_main, l) != 0) {
        free(l);
        transition(d, d->attached, 0, m);
        return;
    }
    pthread_detach(th);
}

static void saved_put(const char *id, const char *data, uint64_t len)
{
    struct sim *s = &g_sim;
    int i;
    for (i = 0; i < s->nsaved; i++)
        if (!strcmp(s->saved[i].id, id))
            break;
    if (i == s->nsaved) {
        if (s->nsaved == (int)(sizeof s->saved / sizeof *s->saved))
            return;
        s->nsaved++;
        snprintf(s->saved[i].id, sizeof s->saved[i].id, "%s", id);
    } else {
        free(s->saved[i].data);
    }
    s->saved[i].data = malloc(len ? len : 1);
    s->saved[i].len = s->saved[i].data ? len : 0;
    if (s->saved[i].data && len)
        memcpy(s->saved[i].data, data, len);
}

static void saved_del(const char *id)
{
    struct sim *s = &g_sim;
    for (int i = 0; i < s->nsaved; i++)
        if (!strcmp(s->saved[i].id, id)) {
            free(s->saved[i].data);
            s->saved[i] = s->saved[--s->nsaved];
            return;
        }
}

const char *sim_saved_get(const char *id, uint64_t *len)
{
    for (int i = 0; i < g_sim.nsaved; i++)
        if (!strcmp(g_sim.saved[i].id, id)) {
            *len = g_sim.saved[i].len;
            return g_sim.saved[i].data;
        }
    return NULL;
}

/* Under lock: the device forgets every computer it trusted (an erase, or "Reset Location &
 * Privacy"); the host's saved pair record goes too, so the next session must pair again. */
void sim_device_unpair(struct sim_device *d)
{
    for (int i = 0; i < d->nhosts; i++)
        X509_free(d->hosts[i].root);
    d->nhosts = 0;
    d->trust = d->p.trust;
    d->trust_pending = d->p.trust_pending;
    saved_del(d->p.udid);
}

/* Under lock: back to what the scenario says (pairing, flags, mode, plug state). */
void sim_device_reset(struct sim_device *d)
{
    d->p = d->orig;
    for (int i = 0; i < d->nhosts; i++)
        X509_free(d->hosts[i].root);
    d->nhosts = 0;
    for (int i = 0; i < SIM_MAX_PORTS; i++) {
        X509_free(d->ports[i].root);
        d->ports[i].root = NULL;
        d->ports[i].port = 0;
    }
    d->next_port = 49152;
    d->trust = d->p.trust;
    d->trust_pending = d->p.trust_pending;
    d->slow_ms = d->p.slow_ms;
    d->drop_next = d->garbage_next = 0;
    sim_restore_reset(d);
    memcpy(d->faults, d->p.faults, sizeof d->faults);
    d->nfaults = d->p.nfaults;
    d->nenv = d->nnv = 0;
    sim_env_set(d->nv, &d->nnv, "auto-boot", d->p.mode == SIM_NORMAL ? "true" : "false");
    sim_env_set(d->nv, &d->nnv, "build-version", d->p.iboot);
    memcpy(d->env, d->nv, sizeof d->env);
    d->nenv = d->nnv;
    saved_del(d->p.udid);
    if (d->p.paired) {
        plist_t rec = sim_pki_pair_record(d);
        char *xml = NULL;
        uint32_t len = 0;
        plist_to_xml(rec, &xml, &len);
        if (xml)
            saved_put(d->p.udid, xml, len);
        free(xml);
        plist_free(rec);
        snprintf(d->hosts[0].host_id, sizeof d->hosts[0].host_id, "%s", g_sim.host_id);
        X509_up_ref(g_sim.root_cert);
        d->hosts[0].root = g_sim.root_cert;
        d->nhosts = 1;
    }
    if (strcmp(d->port, d->p.port)) { /* back to the scenario's port, as unplugged */
        transition(d, 0, 0, d->mode);
        memcpy(d->port, d->p.port, sizeof d->port); /* same size, NUL-terminated */
    }
    transition(d, d->p.attached, 0, d->p.mode);
}

struct sim_device *sim_find(const char *id)
{
    struct sim *s = &g_sim;
    if (!id || !*id)
        return NULL;
    for (int i = 0; i < s->ndev; i++)
        if (!strcmp(s->dev[i].p.name, id) || !strcasecmp(s->dev[i].p.udid, id))
            return &s->dev[i];
    char *end = NULL;
    errno = 0;
    unsigned long long v = strtoull(id, &end, 0);
    if (errno || !end || *end) {
        errno = 0;
        v = strtoull(id, &end, 16);
        if (errno || !end || *end)
            return NULL;
    }
    for (int i = 0; i < s->ndev; i++)
        if (s->dev[i].p.ecid == v)
            return &s->dev[i];
    return NULL;
}

struct sim_device *sim_find_device_id(uint64_t id)
{
    for (int i = 0; i < g_sim.ndev; i++)
        if (mux_visible(&g_sim.dev[i]) && (uint64_t)g_sim.dev[i].device_id == id)
            return &g_sim.dev[i];
    return NULL;
}

static void send_result(int fd, uint32_t tag, int n)
{
    plist_t m = plist_new_dict();
    plist_dict_set_item(m, "MessageType", plist_new_string("Result"));
    plist_dict_set_item(m, "Number", plist_new_uint((uint64_t)n));
    sim_mux_send(fd, tag, m);
    plist_free(m);
}

/* Listen: the socket now only carries events; wait until the client hangs up. */
static void do_listen(int fd, uint32_t tag)
{
    struct sim *s = &g_sim;
    struct timeval tv = {1, 0};
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    send_result(fd, tag, RES_OK);
    pthread_mutex_lock(&s->lock);
    int ok = s->nlisteners < (int)(sizeof s->listeners / sizeof *s->listeners);
    if (ok) {
        for (int i = 0; i < s->ndev; i++)
            if (mux_visible(&s->dev[i])) {
                plist_t m = attached_msg(&s->dev[i]);
                sim_mux_send(fd, 0, m);
                plist_free(m);
            }
        s->listeners[s->nlisteners++] = fd;
    }
    pthread_mutex_unlock(&s->lock);
    char buf[256];
    while (ok && recv(fd, buf, sizeof buf, 0) > 0) {
    }
    pthread_mutex_lock(&s->lock);
    for (int i = 0; i < s->nlisteners; i++)
        if (s->listeners[i] == fd) {
            s->listeners[i] = s->listeners[--s->nlisteners];
            break;
        }
    pthread_mutex_unlock(&s->lock);
}

/* Returns 1 when the socket was handed to the device (or is done), 0 to keep reading. */
static int do_connect(int fd, uint32_t tag, plist_t req)
{
    uint64_t id = 0, port = 0;
    sim_dict_uint(req, "DeviceID", &id);
    sim_dict_uint(req, "PortNumber", &port);
    port = ntohs((uint16_t)port); /* libusbmuxd sends it in network order */
    pthread_mutex_lock(&g_sim.lock);
    struct sim_device *d = sim_find_device_id(id);
    struct sim_service_port sp = {0};
    int found = 0;
    if (d && port != LOCKDOWN_PORT) {
        for (int i = 0; i < SIM_MAX_PORTS; i++)
            if (d->ports[i].port == (int)port) {
                sp = d->ports[i];
                d->ports[i].port = 0;
                d->ports[i].root = NULL; /* ownership moves to sp */
                found = 1;
            }
    }
    int restored = d && d->mode == SIM_RESTORE && sim_restore_port((int)port);
    int tracked = d && d->nconns < (int)(sizeof d->conns / sizeof *d->conns);
    if (tracked)
        d->conns[d->nconns++] = fd;
    pthread_mutex_unlock(&g_sim.lock);
    if (!d) {
        send_result(fd, tag, RES_BADDEV);
        return 1;
    }
    if (restored) { /* restored, ASR and FDR of a device in restore mode (restored.c) */
        send_result(fd, tag, RES_OK);
        sim_restore_serve(fd, d, (int)port);
    } else if (port != LOCKDOWN_PORT && !found) {
        send_result(fd, tag, RES_CONNREFUSED);
    } else {
        send_result(fd, tag, RES_OK);
        if (port == LOCKDOWN_PORT)
            sim_lockdown_run(fd, d);
        else
            sim_service_run(fd, d, &sp);
    }
    X509_free(sp.root);
    pthread_mutex_lock(&g_sim.lock);
    for (int i = 0; i < d->nconns; i++)
        if (d->conns[i] == fd) {
            d->conns[i] = d->conns[--d->nconns];
            break;
        }
    pthread_mutex_unlock(&g_sim.lock);
    return 1;
}

static void *conn_main(void *arg)
{
    int fd = (int)(intptr_t)arg;
    struct sim *s = &g_sim;
    for (;;) {
        uint32_t tag = 0;
        plist_t req = NULL;
        if (sim_mux_recv(fd, &tag, &req, -1) != 0)
            break;
        const char *mt = sim_dict_str(req, "MessageType");
        int done = 0;
        if ((!mt || strncmp(mt, "RbSim", 5)) && sim_hostile_muxd(fd, tag)) {
            done = 1;
        } else if (!mt) {
            send_result(fd, tag, RES_BADCOMMAND);
        } else if (!strcmp(mt, "ListDevices")) {
            plist_t list = plist_new_array();
            pthread_mutex_lock(&s->lock);
            for (int i = 0; i < s->ndev; i++)
                if (mux_visible(&s->dev[i]))
                    plist_array_append_item(list, attached_msg(&s->dev[i]));
            pthread_mutex_unlock(&s->lock);
            plist_t m = plist_new_dict();
            plist_dict_set_item(m, "DeviceList", list);
            sim_mux_send(fd, tag, m);
            plist_free(m);
        } else if (!strcmp(mt, "Listen")) {
            do_listen(fd, tag);
            done = 1;
        } else if (!strcmp(mt, "ReadBUID")) {
            plist_t m = plist_new_dict();
            plist_dict_set_item(m, "BUID", plist_new_string(s->buid));
            sim_mux_send(fd, tag, m);
            plist_free(m);
        } else if (!strcmp(mt, "ReadPairRecord")) {
            const char *id = sim_dict_str(req, "PairRecordID");
            uint64_t len = 0;
            plist_t m = NULL;
            pthread_mutex_lock(&s->lock);
            const char *data = id ? sim_saved_get(id, &len) : NULL;
            if (data) {
                m = plist_new_dict();
                plist_dict_set_item(m, "PairRecordData", plist_new_data(data, len));
            }
            pthread_mutex_unlock(&s->lock);
            if (m)
                sim_mux_send(fd, tag, m);
            else
                send_result(fd, tag, RES_BADDEV);
            plist_free(m);
        } else if (!strcmp(mt, "SavePairRecord")) {
            const char *id = sim_dict_str(req, "PairRecordID");
            plist_t data = plist_dict_get_item(req, "PairRecordData");
            if (!id || !data || plist_get_node_type(data) != PLIST_DATA) {
                send_result(fd, tag, RES_BADCOMMAND);
            } else {
                uint64_t len = 0;
                const char *p = plist_get_data_ptr(data, &len);
                uint64_t dev_id = 0;
                sim_dict_uint(req, "DeviceID", &dev_id);
                pthread_mutex_lock(&s->lock);
                saved_put(id, p, len);
                struct sim_device *d = dev_id ? sim_find_device_id(dev_id) : NULL;
                if (d && !strcmp(d->p.udid, id)) { /* as usbmuxd: tell listeners it paired */
                    plist_t ev = plist_new_dict();
                    plist_dict_set_item(ev, "MessageType", plist_new_string("Paired"));
                    plist_dict_set_item(ev, "DeviceID", plist_new_uint(dev_id));
                    broadcast(ev);
                }
                pthread_mutex_unlock(&s->lock);
                send_result(fd, tag, RES_OK);
            }
        } else if (!strcmp(mt, "DeletePairRecord")) {
            const char *id = sim_dict_str(req, "PairRecordID");
            pthread_mutex_lock(&s->lock);
            if (id)
                saved_del(id);
            pthread_mutex_unlock(&s->lock);
            send_result(fd, tag, RES_OK);
        } else if (!strcmp(mt, "Connect")) {
            done = do_connect(fd, tag, req);
        } else if (!strncmp(mt, "RbSim", 5)) {
            sim_control_handle(fd, tag, req);
        } else {
            send_result(fd, tag, RES_BADCOMMAND);
        }
        plist_free(req);
        if (done)
            break;
    }
    close(fd);
    return NULL;
}

void sim_serve(int lfd)
{
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    for (;;) {
        int fd = accept(lfd, NULL, NULL);
        if (fd < 0) {
            if (errno == EINTR || errno == ECONNABORTED || errno == EMFILE || errno == ENFILE) {
                if (errno != EINTR)
                    sim_msleep(50);
                continue;
            }
            perror("rescuebay-sim: accept");
            return;
        }
        pthread_t th;
        if (pthread_create(&th, &attr, conn_main, (void *)(intptr_t)fd) != 0)
            close(fd);
    }
}
