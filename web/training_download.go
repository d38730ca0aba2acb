package web

import (
	"net/http"

	"hezuo/store"
)

// trainingsDownload is /trainings.xlsx: every session the list's filters
// select, with the attendances the user may see.
func (s *Server) trainingsDownload(w http.ResponseWriter, r *http.Request) error {
	f, err := trainingFilter(r)
	if err != nil {
		return err
	}
	items, err := collect(func(n int) ([]store.TrainingItem, int, error) {
		f.Page, f.PerPage = n, downloadPer
		return s.db.ListTrainings(r.Context(), accessOf(r), f, s.today())
	})
	if err != nil {
		return err
	}
	lang := langOf(r)
	head := cols(lang, [2]string{"培训编号", "No"}, [2]string{"培训日期", "Date"}, [2]string{"培训主题", "Topic"},
		[2]string{"主办单位代码", "Organizer"}, [2]string{"主办单位", "Organizer name"}, [2]string{"产业", "Industry"},
		[2]string{"培训方式", "Mode"}, [2]string{"学时", "Hours"}, [2]string{"培训地点", "Place"}, [2]string{"地点名称", "Place name"},
		[2]string{"参训人次", "Attendances"})
	rows := make([][]any, len(items))
	for i, t := range items {
		mode := label(lang, "mode", t.Mode)
		rows[i] = []any{t.No, t.HeldOn, t.Topic, t.Organizer, t.OrganizerName, t.Industry, mode, t.Hours, t.Place, t.PlaceName, t.Attendances}
	}
	return s.sendXLSX(w, "培训.xlsx", "培训", head, rows)
}
