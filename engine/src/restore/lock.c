/* restore/lock.c - one driver per device: `restore-locks/<ECID>.lock` under flock.
 *
 * flock locks belong to the open file description, so the idevicerestore child, which
 * inherits the descriptor, keeps the lock while it runs even if its driver died first: a
 * resuming process can never start a second tool on the device before the first is gone.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/file.h>
#include <unistd.h>

#include "restore/restore_private.h"

static char *lock_path(const char *home, uint64_t ecid)
{
    char *dir = rb__path_join(home, "restore-locks");
    if (!dir)
        return NULL;
    rb__mkdirs(dir, 0700);
    char name[40];
    snprintf(name, sizeof name, "%016llX.lock", (unsigned long long)ecid);
    char *p = rb__path_join(dir, name);
    free(dir);
    return p;
}

int rb__rs_lock_try(const char *home, uint64_t ecid)
{
    char *p = lock_path(home, ecid);
    if (!p) {
        errno = ENOMEM;
        return -1;
    }
    int fd = open(p, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    free(p);
    if (fd < 0)
        return -1;
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    return fd;
}

void rb__rs_lock_release(int fd)
{
    if (fd >= 0)
        close(fd);
}

int rb__rs_lock_held(const char *home, uint64_t ecid)
{
    int fd = rb__rs_lock_try(home, ecid);
    if (fd >= 0) {
        close(fd);
        return 0;
    }
    return errno == EWOULDBLOCK;
}
