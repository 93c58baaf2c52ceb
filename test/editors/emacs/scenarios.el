;;; scenarios.el --- The Emacs scenarios of the editor suite  -*- lexical-binding: t -*-
;; Run by test/editors/run.mjs as `emacs --batch -l scenarios.el` in the
;; suite's workspace, with SLAC_RECIPE naming the eglot recipe of
;; docs/editors.md as written. Emacs 28 (Debian 12) needs eglot from
;; elpa-eglot, which the recipe says to `require' first. Prints one
;; `ok'/`FAIL' line per scenario and exits with the number of failures.

;; A normal start activates the installed packages (elpa-eglot among them)
;; before init.el; batch mode does not, so do it here.
(package-activate-all)
(require 'eglot)
(load (getenv "SLAC_RECIPE") nil t)

(defvar slac-failures 0)

(defun slac-say (line)
  (princ (concat line "\n")))

(defmacro slac-check (name &rest body)
  `(condition-case err
       (progn ,@body (slac-say (concat "ok   emacs: " ,name)))
     (error (setq slac-failures (1+ slac-failures))
            (slac-say (format "FAIL emacs: %s: %s" ,name (error-message-string err))))))

(defun slac-wait (predicate seconds)
  "Lets processes and timers run until PREDICATE holds or SECONDS pass."
  (let ((deadline (+ (float-time) seconds)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.1))
    (funcall predicate)))

(defun slac-open (file)
  "Visits FILE as a user would: `eglot-ensure' connects after the command."
  (find-file file)
  (unless (eq major-mode 'sla-mode) (error "%s is in %s" file major-mode))
  ;; The command loop runs `post-command-hook' after find-file; batch mode has no loop.
  (run-hooks 'post-command-hook)
  (unless (slac-wait (lambda () (eglot-current-server)) 20)
    (error "eglot did not connect for %s" file))
  ;; flymake defers its start to the next command and redisplay (the buffer
  ;; shown in a window), and batch mode has neither: without this, a file opened
  ;; once the server runs never asks eglot for the diagnostics eglot holds for it.
  (when (and (bound-and-true-p flymake-mode) (null (flymake-running-backends)))
    (flymake-start)))

(defun slac-goto (line column)
  (goto-char (point-min))
  (forward-line (1- line))
  (move-to-column (1- column)))

(slac-check "a broken file gets its problem from flymake"
  (slac-open "broken.sla")
  (let ((found (slac-wait
                (lambda ()
                  (seq-find (lambda (d) (string-match-p "Unknown calendar 'ServceDesk'" (flymake-diagnostic-text d)))
                            (flymake-diagnostics)))
                30)))
    (unless found
      (error "no diagnostic; flymake has %S" (mapcar #'flymake-diagnostic-text (flymake-diagnostics))))))

(slac-check "a defined term nothing uses gets a warning from flymake"
  (slac-open "unused-term.sla")
  (let ((found (slac-wait
                (lambda ()
                  (seq-find (lambda (d) (string-match-p "SLA5005" (format "%s" (flymake-diagnostic-text d))))
                            (flymake-diagnostics)))
                30)))
    (unless found
      (error "no SLA5005; flymake has %S" (mapcar #'flymake-diagnostic-text (flymake-diagnostics))))
    (unless (string-match-p (regexp-quote "The term 'Incident' is defined, but the agreement never uses it")
                            (flymake-diagnostic-text found))
      (error "the warning says %S" (flymake-diagnostic-text found)))
    ;; eglot maps an LSP warning to its own type; an error here would mean the server sent severity 1.
    (unless (eq (flymake-diagnostic-type found) 'eglot-warning)
      (error "its type is %S" (flymake-diagnostic-type found)))))

(slac-check "hover on a calendar name describes its hours"
  (slac-open "corporate.sla")
  (slac-goto 5 12)
  (let* ((hover (jsonrpc-request (eglot-current-server) :textDocument/hover
                                 (eglot--TextDocumentPositionParams)))
         (contents (plist-get hover :contents))
         (text (if (stringp contents) contents (plist-get contents :value))))
    (unless (and text (string-match-p (regexp-quote "Mon-Fri 08:30-18:30 Europe/Madrid") text))
      (error "the hover says %S" text))))

(slac-check "eglot-format-buffer gives what slac fmt gives"
  (slac-open "messy.sla")
  (eglot-format-buffer)
  (let ((expected (with-temp-buffer
                    (insert-file-contents (getenv "SLAC_EXPECTED_FMT"))
                    (buffer-string))))
    (unless (string= (buffer-string) expected)
      (error "messy.sla became:\n%s" (buffer-string)))))

(kill-emacs slac-failures)
