-- The example's tables. Query them while it runs as a service, or after a run (see the README).

-- one row per campaign folder taken from the inbox
create table if not exists campaign (
    campaign_id  varchar(64)  primary key,
    folder       varchar(255) not null,
    subject      varchar(64)  not null,
    recipients   int          not null,
    started_at   timestamp    default current_timestamp,
    finished_at  timestamp
);
-- file (the campaign route pushes) or jms (the campaign route queues, the queue's consumer pushes)
alter table campaign add column if not exists source varchar(8) default 'file';

-- one row per push API call (a batch of at most 500 recipients)
create table if not exists push_batch (
    batch_id        varchar(64) primary key,
    campaign_id     varchar(64) not null,
    destinations    int         not null,
    accepted        int         not null,
    cost_points     decimal(14, 2) not null,
    account_points  decimal(14, 2),
    pushed_at       timestamp   default current_timestamp
);

-- one row per recipient: written before the push (cid), completed by the push's answer, then by the final report
create table if not exists sent_message (
    cid               varchar(36)  primary key,
    campaign_id       varchar(64)  not null,
    phone             varchar(20)  not null,
    name              varchar(100),
    batch_id          varchar(64),
    msg_id            varchar(64),
    accepted          boolean,
    push_status       varchar(8),
    push_status_desc  varchar(64),
    point             decimal(12, 2),
    final_status      varchar(8),
    final_status_time varchar(14),
    created_at        timestamp    default current_timestamp,
    pushed_at         timestamp,
    reported_at       timestamp
);
create index if not exists sent_message_msg on sent_message (batch_id, msg_id);
create index if not exists sent_message_campaign on sent_message (campaign_id);

-- every delivery report received, by callback or by queryBatchDR (each status of a message once)
create table if not exists delivery_report (
    id           bigint auto_increment primary key,
    batch_id     varchar(64) not null,
    msg_id       varchar(64) not null,
    status       varchar(8)  not null,
    status_time  varchar(14),
    point        decimal(12, 2),
    is_final     boolean     not null,
    source       varchar(16) not null,
    received_at  timestamp   default current_timestamp,
    constraint delivery_report_once unique (batch_id, msg_id, status)
);
