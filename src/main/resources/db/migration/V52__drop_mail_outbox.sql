-- Mails are sent by the mail module's event listener (V51, the event publication registry): the outbox is unused.
drop table nelm_mail_outbox;
