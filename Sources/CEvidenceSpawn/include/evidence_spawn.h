#ifndef EVIDENCE_SPAWN_H
#define EVIDENCE_SPAWN_H
#include <sys/types.h>

/// posix_spawn of `path` with `stdin_fd`, `stdout_fd`, `stderr_fd` as 0, 1, 2 and every other
/// descriptor closed (glibc's posix_spawn_file_actions_addclosefrom_np, which Swift does not
/// import), default signal dispositions and an empty signal mask. Returns 0 or an errno value.
int evidence_spawn(pid_t *pid, const char *path, char *const argv[], char *const envp[],
                   int stdin_fd, int stdout_fd, int stderr_fd);

#endif
