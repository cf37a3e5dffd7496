/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bulletin-atomic-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "bulletin-atomic-file.h"
#include "bulletin-error.h"

/* Temporary files are hidden and carry this marker, so that whatever a
 * crash leaves behind is recognisable and never mistaken for data.
 */
#define TEMP_MARKER ".tmp-"

/**
 * bulletin_set_error_from_errno:
 * @error: return location for a #GError
 * @saved_errno: the errno of the failed call
 * @what: what was being done ("Cannot write")
 * @path: the file concerned
 *
 * Sets @error in the %BULLETIN_ERROR domain with a code a caller can act on:
 * a full disk and a read-only directory are told apart from other failures.
 */
void
bulletin_set_error_from_errno (GError     **error,
                               int          saved_errno,
                               const char  *what,
                               const char  *path)
{
  int code;

  switch (saved_errno)
    {
    case ENOSPC:
    case EDQUOT:
    /* a file size limit or a file system's largest file: no room either */
    case EFBIG:
      code = BULLETIN_ERROR_NO_SPACE;
      break;
    case EROFS:
    case EACCES:
    case EPERM:
      code = BULLETIN_ERROR_READ_ONLY;
      break;
    case ENOENT:
      code = BULLETIN_ERROR_NOT_FOUND;
      break;
    default:
      code = BULLETIN_ERROR_FAILED;
      break;
    }

  g_set_error (error, BULLETIN_ERROR, code, "%s %s: %s",
               what, path, g_strerror (saved_errno));
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        length,
           int         *saved_errno)
{
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          *saved_errno = errno;
          return FALSE;
        }
      data += n;
      length -= n;
    }

  return TRUE;
}

static void
fsync_directory (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  /* Makes the rename itself durable; a failure here loses no data that
   * the rename has not already made consistent, so it is not an error.
   */
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/**
 * bulletin_atomic_file_write:
 * @path: the file to replace
 * @data: (array length=length): the new contents
 * @length: their size
 * @error: return location for a #GError
 *
 * Replaces @path so that, whenever the process or the machine stops, the
 * file holds either its old contents or all of @data: the bytes go to a
 * temporary file in the same directory, which is flushed to disk and then
 * renamed over @path, and the directory is flushed too.
 *
 * Safe to call from any thread.
 *
 * Returns: whether @path now holds @data
 */
gboolean
bulletin_atomic_file_write (const char  *path,
                            const void  *data,
                            gsize        length,
                            GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp_path = NULL;
  int saved_errno = 0;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  temp_path = g_strdup_printf ("%s/.%s" TEMP_MARKER "XXXXXX", dir, base);

  fd = g_mkstemp_full (temp_path, O_WRONLY | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      bulletin_set_error_from_errno (error, errno, "Cannot create a file in", dir);
      return FALSE;
    }

  if (write_all (fd, data, length, &saved_errno) && fsync (fd) != 0)
    saved_errno = errno;

  if (saved_errno != 0)
    {
      close (fd);
      g_unlink (temp_path);
      bulletin_set_error_from_errno (error, saved_errno, "Cannot write", path);
      return FALSE;
    }

  if (close (fd) != 0)
    {
      saved_errno = errno;
      g_unlink (temp_path);
      bulletin_set_error_from_errno (error, saved_errno, "Cannot write", path);
      return FALSE;
    }

  if (g_rename (temp_path, path) != 0)
    {
      saved_errno = errno;
      g_unlink (temp_path);
      bulletin_set_error_from_errno (error, saved_errno, "Cannot replace", path);
      return FALSE;
    }

  fsync_directory (path);

  return TRUE;
}

/**
 * bulletin_atomic_file_is_temp:
 * @basename: a file name without its directory
 *
 * Returns: whether @basename is a temporary file of
 *   bulletin_atomic_file_write(), left over if a write was interrupted
 */
gboolean
bulletin_atomic_file_is_temp (const char *basename)
{
  return basename != NULL && basename[0] == '.' && strstr (basename, TEMP_MARKER) != NULL;
}

/**
 * bulletin_mkdir_with_parents:
 * @path: a directory
 * @error: return location for a #GError
 *
 * Returns: whether @path exists as a directory on return
 */
gboolean
bulletin_mkdir_with_parents (const char  *path,
                             GError     **error)
{
  if (g_mkdir_with_parents (path, 0755) != 0)
    {
      bulletin_set_error_from_errno (error, errno, "Cannot create the folder", path);
      return FALSE;
    }

  return TRUE;
}

/**
 * bulletin_remove_tree:
 * @path: a file or directory
 * @error: return location for a #GError
 *
 * Deletes @path and, for a directory, everything below it, without
 * following symbolic links. A missing @path is not an error.
 *
 * Returns: whether @path is gone
 */
gboolean
bulletin_remove_tree (const char  *path,
                      GError     **error)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    {
      if (errno == ENOENT)
        return TRUE;
      bulletin_set_error_from_errno (error, errno, "Cannot remove", path);
      return FALSE;
    }

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      if (dir != NULL)
        {
          while ((name = g_dir_read_name (dir)) != NULL)
            {
              g_autofree char *child = g_build_filename (path, name, NULL);

              if (!bulletin_remove_tree (child, error))
                return FALSE;
            }
        }

      if (g_rmdir (path) != 0 && errno != ENOENT)
        {
          bulletin_set_error_from_errno (error, errno, "Cannot remove", path);
          return FALSE;
        }

      return TRUE;
    }

  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      bulletin_set_error_from_errno (error, errno, "Cannot remove", path);
      return FALSE;
    }

  return TRUE;
}
