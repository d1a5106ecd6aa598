-- Mails are sent by the mail module's event listener now (V51, the event publication registry): the outbox goes.
drop table nelm_mail_outbox;
