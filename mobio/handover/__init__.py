"""Hand-over of a case from social counselling to the follow-up municipality's team."""
