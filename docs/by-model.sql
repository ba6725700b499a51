SELECT p.model, p.model_name, CAST(SUM(p.figure_low) AS INTEGER) AS built
FROM production_named AS p
WHERE p.measure = 'built' AND p.unit = 'vehicles' AND p.preferred AND p.model IS NOT NULL
  AND NOT EXISTS (
    SELECT 1 FROM production_named AS o
    WHERE o.model = p.model AND o.id <> p.id
      AND o.measure = 'built' AND o.unit = 'vehicles' AND o.preferred
      AND o.period_start_year <= p.period_start_year
      AND o.period_end_year >= p.period_end_year
      AND (o.period_start_year < p.period_start_year
           OR o.period_end_year > p.period_end_year
           OR o.figure_low > p.figure_low))
GROUP BY p.model
HAVING MIN(p.figure_low = p.figure_high AND NOT p.figure_approximate)
ORDER BY p.model;
