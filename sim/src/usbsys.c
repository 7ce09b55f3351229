/* usbsys.c - where the simulated devices are plugged: a port path per device (scenario
 * `port = 1-1.2`, `ctl replug`), a new device address on every appearance (as the kernel
 * gives on every plug and mode change), and a fake sysfs tree with one folder per occupied
 * port holding `busnum` and `devnum`, as /sys/bus/usb/devices has. Clients find the tree
 * through RB_USB_SYSFS_ROOT (`rescuebay-sim env`). */
#include "sim.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char root[PATH_MAX];
static int next_addr = 2; /* 1 is the root hub's */

int sim_port_ok(const char *p)
{
    /* "BUS-PORT[.PORT...]", ports 1..127, at most 7 levels as USB allows */
    char *end;
    long bus = strtol(p, &end, 10);
    if (p[0] < '1' || p[0] > '9' || bus > 255 || *end != '-' || strlen(p) >= 32)
        return 0;
    int levels = 0;
    do {
        p = end + 1;
        long port = strtol(p, &end, 10);
        if (p[0] < '1' || p[0] > '9' || port > 127 || ++levels > 7)
            return 0;
    } while (*end == '.');
    return *end == '\0';
}

int sim_port_bus(const char *port)
{
    return atoi(port);
}

static void remove_tree(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *de;
    char path[PATH_MAX + 300];
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "%s/%s/busnum", dir, de->d_name);
        unlink(path);
        snprintf(path, sizeof path, "%s/%s/devnum", dir, de->d_name);
        unlink(path);
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        rmdir(path);
    }
    closedir(d);
}

int sim_usb_init(const char *listen_addr)
{
    if (!strncmp(listen_addr, "UNIX:", 5)) {
        /* next to the socket: it goes where the test's own files go */
        snprintf(root, sizeof root, "%s.usb", listen_addr + 5);
        remove_tree(root); /* a killed sim's */
        if (mkdir(root, 0755) != 0 && errno != EEXIST)
            return -1;
    } else {
        const char *tmp = getenv("TMPDIR");
        snprintf(root, sizeof root, "%s/rescuebay-sim-usb.XXXXXX", tmp && *tmp ? tmp : "/tmp");
        if (!mkdtemp(root))
            return -1;
    }
    char abs[PATH_MAX];
    if (realpath(root, abs))
        snprintf(root, sizeof root, "%s", abs);
    return 0;
}

const char *sim_usb_root(void) { return root; }

void sim_usb_cleanup(void)
{
    if (!root[0])
        return;
    remove_tree(root);
    rmdir(root);
}

static void write_num(const char *dir, const char *name, int v)
{
    char path[PATH_MAX + 64], tmp[PATH_MAX + 64], text[16];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    snprintf(tmp, sizeof tmp, "%s/.%s", dir, name);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return;
    int n = snprintf(text, sizeof text, "%d\n", v);
    if (write(fd, text, (size_t)n) != n) {
        close(fd);
        unlink(tmp);
        return;
    }
    close(fd);
    rename(tmp, path); /* a reader sees the old number or the new one, never half */
}

/* Under lock: the device just became visible on `port` (new address) or went away. */
void sim_usb_place(struct sim_device *d, int visible)
{
    char dir[PATH_MAX + 40];
    snprintf(dir, sizeof dir, "%s/%s", root, d->port);
    if (!visible) {
        d->usb_addr = 0;
        if (!root[0])
            return;
        char f[PATH_MAX + 64];
        snprintf(f, sizeof f, "%s/busnum", dir);
        unlink(f);
        snprintf(f, sizeof f, "%s/devnum", dir);
        unlink(f);
        rmdir(dir);
        return;
    }
    d->usb_addr = next_addr;
    next_addr = next_addr >= 127 ? 2 : next_addr + 1;
    if (!root[0])
        return;
    mkdir(dir, 0755);
    write_num(dir, "busnum", sim_port_bus(d->port));
    write_num(dir, "devnum", d->usb_addr);
}
