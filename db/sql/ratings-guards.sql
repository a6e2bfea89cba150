-- Rating rounds: rules that span tables, so the database refuses what the app must never write.
-- Messages start with "ratings:" so the model can map them to German text (app/models/rating-errors.server.ts).

-- A round accepts scores only while open and before its closing date.
CREATE OR REPLACE FUNCTION rating_round_accepts_scores(p_round_id integer) RETURNS boolean AS $$
  SELECT EXISTS (
    SELECT 1 FROM rating_rounds r
    WHERE r.id = p_round_id AND r.status = 'open' AND r.closes_at > now()
  );
$$ LANGUAGE sql STABLE;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION rating_scores_guard() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    -- Rows cascade away only with a draft round or proposal; otherwise only while open.
    IF EXISTS (SELECT 1 FROM rating_rounds r WHERE r.id = OLD.round_id AND r.status <> 'draft')
       AND NOT rating_round_accepts_scores(OLD.round_id) THEN
      RAISE EXCEPTION 'ratings:round_not_open' USING ERRCODE = 'check_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' AND (NEW.round_id, NEW.proposal_id, NEW.criterion_id, NEW.rater_id)
       IS DISTINCT FROM (OLD.round_id, OLD.proposal_id, OLD.criterion_id, OLD.rater_id) THEN
    RAISE EXCEPTION 'ratings:score_key_immutable' USING ERRCODE = 'check_violation';
  END IF;
  IF NOT rating_round_accepts_scores(NEW.round_id) THEN
    RAISE EXCEPTION 'ratings:round_not_open' USING ERRCODE = 'check_violation';
  END IF;
  IF EXISTS (SELECT 1 FROM rating_recusals c WHERE c.rater_id = NEW.rater_id AND c.proposal_id = NEW.proposal_id) THEN
    RAISE EXCEPTION 'ratings:recused' USING ERRCODE = 'check_violation';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM users u WHERE u.id = NEW.rater_id AND u.role = 'expert' AND u.disabled_at IS NULL AND u.deleted_at IS NULL) THEN
    RAISE EXCEPTION 'ratings:not_a_rater' USING ERRCODE = 'check_violation';
  END IF;
  IF EXISTS (
    SELECT 1 FROM rating_knockout_checks k
    WHERE k.proposal_id = NEW.proposal_id AND NOT k.passed
  ) THEN
    RAISE EXCEPTION 'ratings:proposal_excluded' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER rating_scores_guard
  BEFORE INSERT OR UPDATE OR DELETE ON rating_scores
  FOR EACH ROW EXECUTE FUNCTION rating_scores_guard();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION rating_recusals_guard() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NOT EXISTS (
      SELECT 1 FROM rating_rounds r
      WHERE r.id = NEW.round_id AND (r.status = 'draft' OR (r.status = 'open' AND r.closes_at > now()))
    ) THEN
      RAISE EXCEPTION 'ratings:round_not_open' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END IF;
  -- A recusal is part of the record: it goes only with a draft round or proposal.
  IF EXISTS (SELECT 1 FROM rating_rounds r WHERE r.id = OLD.round_id AND r.status <> 'draft') THEN
    RAISE EXCEPTION 'ratings:recusal_permanent' USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER rating_recusals_guard
  BEFORE INSERT OR UPDATE OR DELETE ON rating_recusals
  FOR EACH ROW EXECUTE FUNCTION rating_recusals_guard();
--> statement-breakpoint
-- Declaring a conflict of interest removes the rater's earlier scores for that proposal.
CREATE OR REPLACE FUNCTION rating_recusals_remove_scores() RETURNS trigger AS $$
BEGIN
  DELETE FROM rating_scores s WHERE s.rater_id = NEW.rater_id AND s.proposal_id = NEW.proposal_id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER rating_recusals_remove_scores
  AFTER INSERT ON rating_recusals
  FOR EACH ROW EXECUTE FUNCTION rating_recusals_remove_scores();
--> statement-breakpoint
-- Proposals, criteria, knock-out criteria and their checks are frozen once the round leaves draft.
CREATE OR REPLACE FUNCTION rating_setup_frozen_guard() RETURNS trigger AS $$
DECLARE
  v_round_id integer;
BEGIN
  v_round_id := CASE WHEN TG_OP = 'DELETE' THEN OLD.round_id ELSE NEW.round_id END;
  IF EXISTS (SELECT 1 FROM rating_rounds r WHERE r.id = v_round_id AND r.status <> 'draft')
     OR (TG_OP = 'UPDATE' AND EXISTS (SELECT 1 FROM rating_rounds r WHERE r.id = OLD.round_id AND r.status <> 'draft')) THEN
    RAISE EXCEPTION 'ratings:round_frozen' USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER rating_proposals_frozen
  BEFORE INSERT OR UPDATE OR DELETE ON rating_proposals
  FOR EACH ROW EXECUTE FUNCTION rating_setup_frozen_guard();
--> statement-breakpoint
CREATE TRIGGER rating_criteria_frozen
  BEFORE INSERT OR UPDATE OR DELETE ON rating_criteria
  FOR EACH ROW EXECUTE FUNCTION rating_setup_frozen_guard();
--> statement-breakpoint
CREATE TRIGGER rating_knockouts_frozen
  BEFORE INSERT OR UPDATE OR DELETE ON rating_knockouts
  FOR EACH ROW EXECUTE FUNCTION rating_setup_frozen_guard();
--> statement-breakpoint
CREATE TRIGGER rating_knockout_checks_frozen
  BEFORE INSERT OR UPDATE OR DELETE ON rating_knockout_checks
  FOR EACH ROW EXECUTE FUNCTION rating_setup_frozen_guard();
--> statement-breakpoint
-- State machine draft -> open -> closed; opening checks the weights in the same transaction.
CREATE OR REPLACE FUNCTION rating_rounds_guard() RETURNS trigger AS $$
DECLARE
  v_weight_sum integer;
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'draft' THEN
      RAISE EXCEPTION 'ratings:round_frozen' USING ERRCODE = 'check_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.status <> 'draft' THEN
      RAISE EXCEPTION 'ratings:illegal_transition' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END IF;
  IF OLD.status <> 'draft' AND (NEW.title, NEW.description, NEW.ranking_method, NEW.closes_at, NEW.opened_at)
       IS DISTINCT FROM (OLD.title, OLD.description, OLD.ranking_method, OLD.closes_at, OLD.opened_at) THEN
    RAISE EXCEPTION 'ratings:round_frozen' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.status = OLD.status THEN
    IF OLD.status = 'closed' AND NEW.closed_at IS DISTINCT FROM OLD.closed_at THEN
      RAISE EXCEPTION 'ratings:round_frozen' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END IF;
  IF OLD.status = 'draft' AND NEW.status = 'open' THEN
    IF NEW.closes_at IS NULL OR NEW.closes_at <= now() THEN
      RAISE EXCEPTION 'ratings:closing_date_past' USING ERRCODE = 'check_violation';
    END IF;
    SELECT coalesce(sum(weight), 0) INTO v_weight_sum FROM rating_criteria WHERE round_id = NEW.id;
    IF v_weight_sum <> 100 THEN
      RAISE EXCEPTION 'ratings:weights_not_100' USING ERRCODE = 'check_violation';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM rating_proposals WHERE round_id = NEW.id) THEN
      RAISE EXCEPTION 'ratings:no_proposals' USING ERRCODE = 'check_violation';
    END IF;
    IF EXISTS (
      SELECT 1 FROM rating_proposals p JOIN rating_knockouts k ON k.round_id = p.round_id
      LEFT JOIN rating_knockout_checks c ON c.proposal_id = p.id AND c.knockout_id = k.id
      WHERE p.round_id = NEW.id AND c.proposal_id IS NULL
    ) THEN
      RAISE EXCEPTION 'ratings:knockouts_unchecked' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END IF;
  IF OLD.status = 'open' AND NEW.status = 'closed' THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'ratings:illegal_transition' USING ERRCODE = 'check_violation';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER rating_rounds_guard
  BEFORE INSERT OR UPDATE OR DELETE ON rating_rounds
  FOR EACH ROW EXECUTE FUNCTION rating_rounds_guard();
