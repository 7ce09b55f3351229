/*
 * core/platform.h - the few operating-system calls that differ between Linux, macOS and
 * Windows (MinGW), in one place so that capability folders stay free of #ifdefs.
 * Every function returns like its POSIX counterpart: 0, or -1 with errno set.
 */
#ifndef RB_CORE_PLATFORM_H
#define RB_CORE_PLATFORM_H

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>

#ifdef _WIN32
/* Not inherited by child processes (the restore tool), like O_CLOEXEC. */
#define RB_O_CLOEXEC _O_NOINHERIT
#else
#define RB_O_CLOEXEC O_CLOEXEC
#endif
#ifndef EWOULDBLOCK
#define EWOULDBLOCK EAGAIN
#endif

/* The folder of the running executable, without a trailing separator. Data installed with
 * the program is found relative to it (../share/rescuebay). */
int rb__exe_dir(char *out, size_t len);

/* mkdir with a mode (ignored on Windows). */
int rb__mkdir(const char *path, unsigned int mode);

/* Flushes a file's data to the disk. */
int rb__fsync(int fd);

/* Makes a rename in `dir` durable. No-op on Windows: NTFS journals renames and a folder
 * cannot be opened for flushing. */
int rb__fsync_dir(const char *dir);

/* rename() that replaces an existing target (Windows' rename() refuses to). */
int rb__rename_replace(const char *from, const char *to);

/* Exclusive lock on an open file without waiting: errno EWOULDBLOCK when another process
 * holds it. Released by closing the file or by the process ending, also when it crashes
 * (flock on POSIX, LockFileEx on Windows). */
int rb__lock_try(int fd);

#endif
