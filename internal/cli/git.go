package cli

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/sfguard/sfguard/internal/scan"
)

// checkGitRepo fails early, in one line, when a mode that reads git is asked
// for outside a git repository; otherwise the user would get git's own
// usage text (git diff without a repository prints its whole manual).
func checkGitRepo(s *scan.Settings) error {
	flag, why := gitMode(s)
	if flag == "" {
		return nil
	}
	if _, err := exec.LookPath("git"); err != nil {
		return fmt.Errorf("%s %s, but git is not installed (or not on PATH)", flag, why)
	}
	dir := s.GitDir()
	if hasDotGit(dir) {
		return nil
	}
	cmd := exec.Command("git", "-C", dir, "rev-parse", "--git-dir")
	if err := cmd.Run(); err != nil {
		where := dir
		if dir == "." {
			where = "the current directory"
		}
		return fmt.Errorf("%s %s, but %s is not inside a git repository", flag, why, where)
	}
	return nil
}

// gitMode names the flag that makes the scan read git, and what it reads.
func gitMode(s *scan.Settings) (flag, why string) {
	switch {
	case s.Staged:
		return "--staged", "reads the staged content of the git index"
	case s.Since != "":
		return "--since", "reads git history"
	case s.History:
		return "--history", "reads git history"
	case s.DiffBase != "":
		return "--diff-base", "compares with a git revision"
	}
	return "", ""
}

// hasDotGit reports whether dir or a parent holds a .git entry. It is the
// quick yes for checkGitRepo: a git process costs a pre-commit scan a few
// milliseconds it cannot spare (issue 14: five git processes in a row in
// an execve trace of secrets --staged). Without one, git itself decides,
// since GIT_DIR and bare repositories need no .git entry.
func hasDotGit(dir string) bool {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return false
	}
	for {
		if _, err := os.Lstat(filepath.Join(abs, ".git")); err == nil {
			return true
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return false
		}
		abs = parent
	}
}
