/**
 * E-mail: one listener of the request and record events ({@link org.nelm.mail.MailListener}), one template
 * mechanism (the {@code mail/<name>.txt} whose first line is the subject, and {@code mail/<name>.html}) and one way
 * out (JavaMailSender, from {@code nelm.mail.from}). Depends on the modules whose events it mails; none of them knows
 * it.
 */
package org.nelm.mail;
