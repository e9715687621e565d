-- Optional personal names, as clients of the published contract send them (first_name, last_name).
ALTER TABLE users ADD COLUMN first_name varchar(100), ADD COLUMN last_name varchar(100);
