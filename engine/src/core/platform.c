/* core/platform.c - see platform.h. */
#include "core/platform.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#ifdef _WIN32
#include <direct.h>
#include <io.h>
#include <windows.h>
#else
#include <sys/file.h>
#include <unistd.h>
#endif
#ifdef __APPLE__
#include <mach-o/dyld.h>
#include <stdint.h>
#include <stdlib.h>
#endif

static int cut_to_dir(char *path)
{
    char *slash = strrchr(path, '/');
#ifdef _WIN32
    char *bs = strrchr(path, '\\');
    if (!slash || (bs && bs > slash))
        slash = bs;
#endif
    if (!slash) {
        errno = ENOENT;
        return -1;
    }
    *slash = '\0';
    return 0;
}

int rb__exe_dir(char *out, size_t len)
{
    if (!out || len < 2) {
        errno = EINVAL;
        return -1;
    }
#if defined(_WIN32)
    DWORD n = GetModuleFileNameA(NULL, out, (DWORD)len);
    if (n == 0 || n >= len) {
        errno = ENAMETOOLONG;
        return -1;
    }
#elif defined(__APPLE__)
    uint32_t size = (uint32_t)len;
    char raw[4096];
    uint32_t rs = sizeof raw;
    if (_NSGetExecutablePath(raw, &rs) != 0 || !realpath(raw, out) || strlen(out) >= size) {
        errno = ENAMETOOLONG;
        return -1;
    }
#else
    ssize_t n = readlink("/proc/self/exe", out, len - 1);
    if (n <= 0)
        return -1;
    out[n] = '\0';
#endif
    return cut_to_dir(out);
}

int rb__mkdir(const char *path, unsigned int mode)
{
#ifdef _WIN32
    (void)mode;
    return _mkdir(path);
#else
    return mkdir(path, (mode_t)mode);
#endif
}

int rb__fsync(int fd)
{
#ifdef _WIN32
    return _commit(fd);
#else
    return fsync(fd);
#endif
}

int rb__fsync_dir(const char *dir)
{
#ifdef _WIN32
    (void)dir;
    return 0;
#else
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    int rc = fsync(fd);
    int e = errno;
    close(fd);
    errno = e;
    return rc;
#endif
}

int rb__rename_replace(const char *from, const char *to)
{
#ifdef _WIN32
    if (MoveFileExA(from, to, MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH))
        return 0;
    errno = GetLastError() == ERROR_ACCESS_DENIED ? EACCES : EIO;
    return -1;
#else
    return rename(from, to);
#endif
}

int rb__lock_try(int fd)
{
#ifdef _WIN32
    HANDLE h = (HANDLE)_get_osfhandle(fd);
    OVERLAPPED ov;
    memset(&ov, 0, sizeof ov);
    if (h == INVALID_HANDLE_VALUE) {
        errno = EBADF;
        return -1;
    }
    if (LockFileEx(h, LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &ov))
        return 0;
    errno = GetLastError() == ERROR_LOCK_VIOLATION ? EWOULDBLOCK : EIO;
    return -1;
#else
    return flock(fd, LOCK_EX | LOCK_NB);
#endif
}
