-- The auditor overview's figures per village, kept by the projector in the block group's
-- transaction for every village a group touched (counting over a county's year of vouchers on
-- every page view took seconds; one row per village keeps the overview well under 200 ms).
create table fin_village_figures (
  village          varchar(12) primary key,
  township         varchar(12) not null,
  vouchers         bigint      not null,
  posted_fen       bigint      not null,
  approvals        bigint      not null,
  rejections       bigint      not null,
  anomalies        bigint      not null,
  late_disclosures bigint      not null,
  objections       bigint      not null,
  open_objections  bigint      not null
);
create index fin_village_figures_township on fin_village_figures (township);
