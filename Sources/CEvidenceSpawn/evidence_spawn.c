#define _GNU_SOURCE
#include "evidence_spawn.h"
#include <errno.h>
#include <signal.h>
#include <spawn.h>

// Foundation's Process passes on descriptors the daemon holds open without close-on-exec, and
// bubblewrap passes on whatever it inherits, so a sandboxed decoder could otherwise write to a
// client connection or read a database. Here nothing but 0, 1 and 2 survives the exec.
int evidence_spawn(pid_t *pid, const char *path, char *const argv[], char *const envp[],
                   int stdin_fd, int stdout_fd, int stderr_fd) {
#if !defined(__linux__)
    return ENOSYS;  // the sandbox is bubblewrap, Linux only
#else
    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attributes;
    int error = posix_spawn_file_actions_init(&actions);
    if (error) return error;
    error = posix_spawnattr_init(&attributes);
    if (error) { posix_spawn_file_actions_destroy(&actions); return error; }
    sigset_t none, all;
    sigemptyset(&none);
    sigfillset(&all);
    if (!error) error = posix_spawn_file_actions_adddup2(&actions, stdin_fd, 0);
    if (!error) error = posix_spawn_file_actions_adddup2(&actions, stdout_fd, 1);
    if (!error) error = posix_spawn_file_actions_adddup2(&actions, stderr_fd, 2);
    if (!error) error = posix_spawn_file_actions_addclosefrom_np(&actions, 3);
    if (!error) error = posix_spawnattr_setsigmask(&attributes, &none);
    if (!error) error = posix_spawnattr_setsigdefault(&attributes, &all);
    if (!error) error = posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    if (!error) error = posix_spawn(pid, path, &actions, &attributes, argv, envp);
    posix_spawnattr_destroy(&attributes);
    posix_spawn_file_actions_destroy(&actions);
    return error;
#endif
}
